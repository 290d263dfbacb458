#include "gazette/http/detail/response_head.hpp"

#include <strings.h>

#include <boost/beast/http/status.hpp>
#include <charconv>
#include <chrono>

#include "gazette/http/http_date.hpp"

namespace gazette::http::detail {
namespace {

/// One pass, no calls: find_first_of would search its set with memchr once per byte of every field.
bool IsSafeFieldText(std::string_view text) {
  for (const char c : text) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

/// Fields the server owns; a handler's copy would contradict the framing or duplicate ours.
bool IsServerOwned(std::string_view name) {
  for (const std::string_view owned :
       {"content-length", "transfer-encoding", "connection", "date", "content-type"}) {
    if (name.size() == owned.size() && ::strncasecmp(name.data(), owned.data(), owned.size()) == 0)
      return true;
  }
  return false;
}

void AppendNumber(std::string& out, std::size_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, static_cast<std::size_t>(result.ptr - digits));
}

void AppendField(std::string& out, std::string_view name, std::string_view value) {
  out.append(name);
  out.append(": ");
  out.append(value);
  out.append("\r\n");
}

}  // namespace

std::string_view CurrentHttpDate() {
  thread_local std::int64_t cached_second = -1;
  thread_local std::string cached_text;
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::int64_t second = now.time_since_epoch().count();
  if (second != cached_second) {
    cached_text = FormatHttpDate(Timestamp{now.time_since_epoch()});
    cached_second = second;
  }
  return cached_text;
}

void SerializeHead(const Response& response, const HeadOptions& options, std::string& out) {
  out.clear();
  const unsigned status = response.status;
  out.append("HTTP/1.1 ");
  AppendNumber(out, status);
  out.push_back(' ');
  const auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
  out.append(reason.data(), reason.size());
  out.append("\r\n");
  AppendField(out, "Date", CurrentHttpDate());
  const bool not_modified = status == 304;
  const bool bodiless = not_modified || status == 204 || status < 200;
  if (!not_modified && !response.content_type.empty() && IsSafeFieldText(response.content_type)) {
    AppendField(out, "Content-Type", response.content_type);
  }
  if (!bodiless) {
    out.append("Content-Length: ");
    AppendNumber(out, options.content_length);
    out.append("\r\n");
  }
  if (!options.etag.empty()) AppendField(out, "ETag", options.etag);
  for (const auto& [name, value] : response.headers) {
    if (name.empty() || !IsSafeFieldText(name) || !IsSafeFieldText(value) || IsServerOwned(name)) continue;
    AppendField(out, name, value);
  }
  for (const auto& [name, value] : options.default_headers) {
    if (!response.HasHeader(name)) AppendField(out, name, value);
  }
  if (!options.keep_alive) out.append("Connection: close\r\n");
  out.append("\r\n");
}

}  // namespace gazette::http::detail
