#pragma once
/// RSS 2.0 (https://www.rssboard.org/rss-specification) from a Feed, with atom:link rel="self" as the RSS
/// Advisory Board recommends and the whole entry in content:encoded.

#include <string>

#include "gazette/feeds/feed.hpp"

namespace gazette::feeds {

/// The document, UTF-8. Dates in RFC 822; guid isPermaLink="false" (it is the item's tag: URI).
std::string WriteRss(const Feed& feed);

}  // namespace gazette::feeds
