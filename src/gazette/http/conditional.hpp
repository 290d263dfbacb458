#pragma once
/// Conditional GET (RFC 9110 section 13): decides whether a 200 answer to GET/HEAD becomes 304 Not Modified.

#include <string_view>

namespace gazette::http {

/// True when the If-None-Match field value matches etag with the weak comparison (RFC 9110 section 8.8.3.2):
/// "*" matches any current entity, otherwise any listed tag whose opaque part equals etag's, W/ or not.
bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag);

/// The precondition evaluation of RFC 9110 section 13.2.2 for a 200 answer to GET/HEAD: If-None-Match when
/// present decides alone; otherwise If-Modified-Since (a valid HTTP-date) against last_modified, when the
/// answer has one. Empty views mean "absent". Unparsable dates are ignored, as the RFC requires.
bool IsNotModified(std::string_view if_none_match, std::string_view if_modified_since, std::string_view etag,
                   std::string_view last_modified);

}  // namespace gazette::http
