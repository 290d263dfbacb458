#pragma once
/// Percent-decoding (RFC 3986 section 2.1) shared by the request-target and form parsers, so that both
/// refuse the same malformed escapes. Internal to the http module.

#include <string>
#include <string_view>

namespace gazette::http::detail {

/// Appends the decoded form of raw to out: "%XX" needs two hex digits; '+' becomes a space when
/// plus_is_space (application/x-www-form-urlencoded). False on a malformed escape ("%", "%4", "%zz"),
/// out then holds a partial result.
bool PercentDecode(std::string_view raw, bool plus_is_space, std::string& out);

/// True for C0 controls (NUL included) and DEL: never meaningful in a path or a name.
bool IsControlByte(unsigned char byte) noexcept;

}  // namespace gazette::http::detail
