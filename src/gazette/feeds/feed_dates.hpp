#pragma once
/// The date formats of feeds and sitemaps: RFC 822 (as updated by RFC 1123) for RSS 2.0, RFC 3339 for Atom
/// 1.0, which is also the W3C datetime profile sitemaps ask for.

#include <string>

#include "gazette/base/clock.hpp"

namespace gazette::feeds {

/// "Sat, 07 Sep 2002 09:42:31 +0000": four-digit year and a numeric zone, which every feed reader parses
/// (named zones other than GMT are ambiguous and some readers reject them). Always UTC.
std::string FormatRfc822(Timestamp t);

/// "2002-09-07T09:42:31Z". Always UTC.
std::string FormatRfc3339(Timestamp t);

}  // namespace gazette::feeds
