#include "gazette/http/detail/request_parser.hpp"

#include <strings.h>

#include <algorithm>
#include <boost/beast/http/error.hpp>

namespace gazette::http::detail {
namespace {

/// Memory reserved for a body before it arrives: any form fits; uploads grow past it as they come in.
constexpr std::uint64_t kMaxUpfrontReserve = 1024 * 1024;

}  // namespace

RequestParser::RequestParser(RequestStorage& storage, const ServerOptions& options)
    : storage_(storage), options_(options) {
  header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  body_limit(options.max_body_bytes);
  // Parse the body in the same call as the header when it is already buffered: one pass per request.
  eager(true);
  storage_.header_bytes.clear();
  storage_.fields.clear();
  storage_.body.clear();
}

std::string_view RequestParser::Field(std::string_view name) const {
  for (const auto& [key, value] : storage_.fields) {
    const std::string_view key_text = View(key);
    if (key_text.size() == name.size() && ::strncasecmp(key_text.data(), name.data(), name.size()) == 0) {
      return View(value);
    }
  }
  return {};
}

std::string_view RequestParser::LookupField(const void* native, std::string_view name) {
  return static_cast<const RequestParser*>(native)->Field(name);
}

Span RequestParser::Append(string_view text) {
  const Span span{static_cast<std::uint32_t>(storage_.header_bytes.size()),
                  static_cast<std::uint32_t>(text.size())};
  storage_.header_bytes.append(text.data(), text.size());
  return span;
}

void RequestParser::on_request_impl(boost::beast::http::verb /*method*/, string_view method_str,
                                    string_view target, int /*version*/, error_code& ec) {
  got_request_line_ = true;
  if (target.size() > options_.max_target_bytes) {
    target_too_long_ = true;
    ec = boost::beast::http::error::bad_target;
    return;
  }
  method_ = Append(method_str);
  target_ = Append(target);
  // Before any field: Beast checks a Content-Length against the limit as soon as it reads the field.
  if (const PathBodyLimit* limit = options_.BodyLimitFor(View(target_))) {
    body_limit(limit->max_bytes);
    path_body_timeout_ = limit->body_timeout;
  }
}

void RequestParser::on_response_impl(int /*code*/, string_view /*reason*/, int /*version*/,
                                     error_code& /*ec*/) {}

void RequestParser::on_field_impl(boost::beast::http::field /*name*/, string_view name_string,
                                  string_view value, error_code& /*ec*/) {
  const Span name_span = Append(name_string);
  const Span value_span = Append(value);
  storage_.fields.emplace_back(name_span, value_span);
}

void RequestParser::on_header_impl(error_code& /*ec*/) {}

void RequestParser::on_body_init_impl(const boost::optional<std::uint64_t>& content_length,
                                      error_code& /*ec*/) {
  // Beast has already refused a declared length over body_limit. Within it, a declared length is only a
  // claim: past kMaxUpfrontReserve the string grows as the bytes actually arrive (an upload path's limit
  // may be a gigabyte, and a client may declare it and send nothing).
  if (content_length) {
    storage_.body.reserve(
        static_cast<std::size_t>(std::min<std::uint64_t>(*content_length, kMaxUpfrontReserve)));
  }
}

std::size_t RequestParser::on_body_impl(string_view body, error_code& /*ec*/) {
  storage_.body.append(body.data(), body.size());
  return body.size();
}

void RequestParser::on_chunk_header_impl(std::uint64_t /*size*/, string_view /*extensions*/,
                                         error_code& /*ec*/) {}

std::size_t RequestParser::on_chunk_body_impl(std::uint64_t /*remain*/, string_view body,
                                              error_code& /*ec*/) {
  storage_.body.append(body.data(), body.size());
  return body.size();
}

void RequestParser::on_finish_impl(error_code& /*ec*/) {}

}  // namespace gazette::http::detail
