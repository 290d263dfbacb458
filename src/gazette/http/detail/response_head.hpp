#pragma once
/// Writes the status line and header fields of an answer into one reused buffer, so that header and body
/// leave in a single gather write. Internal to the server.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "gazette/http/response.hpp"

namespace gazette::http::detail {

struct HeadOptions {
  std::size_t content_length = 0;
  std::string_view etag;  ///< added when not empty (the handler set none)
  bool keep_alive = true;
  /// Added unless the response has a header of the same name (ServerOptions::security_headers); checked
  /// for CR and LF by Server::Start, not here.
  std::span<const std::pair<std::string, std::string>> default_headers;
};

/// Replaces out with the head of response: status line, Date, Content-Type (not on 304), Content-Length
/// (not on 1xx/204/304), ETag, the handler's headers (any holding CR or LF is dropped: no header
/// injection), the default headers the handler did not set, Connection: close when closing, and the
/// blank line.
void SerializeHead(const Response& response, const HeadOptions& options, std::string& out);

/// The current Date field value, formatted at most once per second per thread.
std::string_view CurrentHttpDate();

}  // namespace gazette::http::detail
