#pragma once
/// Request-target decoding: strict percent-decoding of the path and the query (RFC 3986 section 2.1),
/// refusing what a handler should never have to guard against (bad escapes, invalid UTF-8, NUL, controls).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/base/utf8.hpp"

namespace gazette::http {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct Target {
  std::string path;   ///< decoded, valid UTF-8, no control characters, starts with '/'
  QueryParams query;  ///< decoded name/value pairs in request order
};

/// Decodes a path: %XX escapes (both hex digits required) and nothing else ('+' stays '+').
/// kInvalid on a bad escape, invalid UTF-8, or a control character (NUL included) after decoding.
Result<std::string> DecodePath(std::string_view raw_path);

/// Parses "a=1&b=x+y&c" into pairs ("+" is a space, "c" has an empty value, empty pieces are skipped).
/// kInvalid on a bad escape, invalid UTF-8 or NUL after decoding.
Result<QueryParams> ParseQuery(std::string_view raw_query);

/// Splits an origin-form target ("/path?query", RFC 9112 section 3.2.1) and decodes both parts; a fragment
/// is not allowed in a request-target. kInvalid for any other form ("*", "http://host/", "path").
Result<Target> ParseTarget(std::string_view target);

}  // namespace gazette::http
