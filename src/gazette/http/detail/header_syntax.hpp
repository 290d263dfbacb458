#pragma once
/// Small pieces of HTTP header syntax (RFC 9110 section 5.6) shared by the form parsers. Internal to the
/// http module.

#include <string_view>

namespace gazette::http::detail {

/// RFC 9110 section 5.6.2 tchar.
bool IsTokenChar(char c) noexcept;

/// text without leading and trailing spaces and tabs (OWS).
std::string_view TrimBlanks(std::string_view text) noexcept;

/// ASCII case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b) noexcept;

/// True when the media type of a Content-Type value (what precedes its ';' parameters, blanks trimmed) is
/// expected, compared case-insensitively (RFC 9110 section 8.3.1): "Multipart/Form-Data; boundary=x" has
/// the media type "multipart/form-data".
bool HasMediaType(std::string_view content_type, std::string_view expected) noexcept;

}  // namespace gazette::http::detail
