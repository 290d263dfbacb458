#pragma once
/// HTTP-date (RFC 9110 section 5.6.7): formatting in IMF-fixdate and parsing of all three forms that a
/// recipient must accept (IMF-fixdate, obsolete RFC 850, asctime).

#include <optional>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"

namespace gazette::http {

/// "Sun, 06 Nov 1994 08:49:37 GMT".
std::string FormatHttpDate(Timestamp t);

/// Empty optional when text is not a valid HTTP-date (then If-Modified-Since must be ignored).
std::optional<Timestamp> ParseHttpDate(std::string_view text);

}  // namespace gazette::http
