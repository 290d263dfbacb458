#pragma once
/// Response: what a handler returns. The server adds Date, Content-Length, Connection, the ETag (a hash of
/// the body when the handler set none) and answers conditional requests with 304.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/http/spliced_body.hpp"

namespace gazette::http {

/// A body sent as pieces in one gather write, without copying them: a cached page with its live parts
/// spliced in. Filled in place and never moved once the pieces point into it (short strings live inside
/// their std::string, so a move would leave views into scratch dangling): hold it by pointer.
struct BodyPieces {
  std::shared_ptr<const void> owner;  ///< keeps the cached bytes the pieces point into alive until sent
  SplicedBody body;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers (Cache-Control, Location...)
  std::string body;
  /// When set, sent instead of body without a copy (cached pages, static assets); body must then be empty.
  std::shared_ptr<const std::string> shared_body;

  /// When set, sent instead of body and shared_body (which must then be empty).
  std::shared_ptr<const BodyPieces> pieces;

  /// The bytes to send: shared_body when set, else body. Not for an answer in pieces (see BodyText).
  std::string_view Body() const {
    return shared_body ? std::string_view{*shared_body} : std::string_view{body};
  }
  /// The whole body, also of an answer in pieces (a copy: for tests and logs, not the serving path).
  std::string BodyText() const;
  /// The body's length in bytes, whichever way it is held.
  std::size_t BodySize() const { return pieces ? pieces->body.size() : Body().size(); }

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
