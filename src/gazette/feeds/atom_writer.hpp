#pragma once
/// Atom 1.0 (RFC 4287) from a Feed.

#include <string>

#include "gazette/feeds/feed.hpp"

namespace gazette::feeds {

/// The document, UTF-8. Dates in RFC 3339; HTML in type="html" elements, escaped.
std::string WriteAtom(const Feed& feed);

}  // namespace gazette::feeds
