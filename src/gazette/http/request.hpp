#pragma once
/// Request: what a handler sees of an HTTP request. Views point into the connection's buffers and are
/// valid only during the handler call; copy what must outlive it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/http/cookies.hpp"

namespace gazette::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

const char* MethodName(Method method) noexcept;
/// The Method for a request-line token ("GET" -> kGet); tokens are case-sensitive (RFC 9110 section 9.1),
/// so "get" and unknown tokens ("BREW") give kOther.
Method ParseMethod(std::string_view token) noexcept;

class Request {
 public:
  /// Header lookup, case-insensitive; provided by the server (keeps Beast out of this header).
  using HeaderLookup = std::string_view (*)(const void* native, std::string_view name);

  Request(Method method, std::string_view target, std::string path,
          std::vector<std::pair<std::string, std::string>> query, std::string_view body, std::string peer,
          const void* native, HeaderLookup header_lookup)
      : method_(method),
        target_(target),
        path_(std::move(path)),
        query_(std::move(query)),
        body_(body),
        peer_(std::move(peer)),
        native_(native),
        header_lookup_(header_lookup) {}

  Method method() const { return method_; }
  /// The raw request-target as sent ("/search?q=a%20b").
  std::string_view target() const { return target_; }
  /// The percent-decoded path, guaranteed valid UTF-8 without NUL ("/tag/zürich").
  const std::string& path() const { return path_; }
  /// First value of a query parameter, decoded ("+" as space); empty optional when absent.
  std::optional<std::string_view> Query(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& query() const { return query_; }
  /// A header's value, or empty when absent.
  std::string_view Header(std::string_view name) const {
    return header_lookup_ ? header_lookup_(native_, name) : std::string_view{};
  }
  /// The value of cookie name from the Cookie header (see FindCookie), or an empty optional. Only the first
  /// Cookie header is read: a browser sends one (RFC 6265 section 5.4), and so does a proxy that joins them.
  std::optional<std::string_view> Cookie(std::string_view name) const {
    return FindCookie(Header("Cookie"), name);
  }
  std::string_view body() const { return body_; }
  /// The peer's IP address as text ("127.0.0.1", "::1").
  const std::string& peer() const { return peer_; }

  /// Values of {name} segments matched by the router.
  std::string_view Param(std::string_view name) const;
  void SetParams(std::vector<std::pair<std::string_view, std::string>> params) {
    params_ = std::move(params);
  }

 private:
  Method method_;
  std::string_view target_;
  std::string path_;
  std::vector<std::pair<std::string, std::string>> query_;
  std::string_view body_;
  std::string peer_;
  const void* native_;
  HeaderLookup header_lookup_;
  std::vector<std::pair<std::string_view, std::string>> params_;
};

}  // namespace gazette::http
