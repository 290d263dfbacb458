#pragma once
/// Response: what a handler returns. The server adds Date, Content-Length, Connection, the ETag (a hash of
/// the body when the handler set none) and answers conditional requests with 304.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::http {

struct Response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers (Cache-Control, Location...)
  std::string body;
  /// When set, sent instead of body without a copy (cached pages, static assets); body must then be empty.
  std::shared_ptr<const std::string> shared_body;

  /// The bytes to send: shared_body when set, else body.
  std::string_view Body() const {
    return shared_body ? std::string_view{*shared_body} : std::string_view{body};
  }

  Response& SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  /// Value of an extra header set by the handler, case-insensitive; empty when absent.
  std::string_view FindHeader(std::string_view name) const;
  /// True when the handler set header name (case-insensitive), even to an empty value.
  bool HasHeader(std::string_view name) const;

  static Response Text(unsigned status, std::string body);
  /// A redirect (301, 302, 307, 308...) to a path on this site. A location that IsSafeLocalRedirect
  /// refuses is replaced by "/", so that a location built from input can never send the reader elsewhere.
  static Response Redirect(unsigned status, std::string location);
  /// 303 See Other to a path on this site (guarded as Redirect): the answer to a successful POST, so that
  /// reloading the page it leads to does not post again (POST-redirect-GET).
  static Response SeeOther(std::string location) { return Redirect(303, std::move(location)); }
};

}  // namespace gazette::http
