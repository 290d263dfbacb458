#pragma once
/// CachedPage: one public page as the page cache keeps it: the answer's status and headers, its body cut
/// at the live slots in each content coding (made once, when the page is cached), and what it was made
/// from, to tell whether it is still current.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/http/spliced_encoding.hpp"
#include "gazette/site/live_text.hpp"

namespace gazette::site {

/// What a page was made from. A cached page is current while all of it still holds.
struct PageSources {
  std::int64_t content_version = 0;          ///< storage's ContentVersion(), read before rendering
  std::shared_ptr<const void> settings;      ///< the settings snapshot in effect before rendering
  std::shared_ptr<const void> categories;    ///< the category directory in effect before rendering
  /// The next instant an article appears or leaves (scheduled publishing): the page may change then.
  std::optional<Timestamp> next_visibility_change;

  /// Same sources, and now is before the next scheduled change.
  bool StillHold(const PageSources& current, Timestamp now) const {
    return content_version == current.content_version && settings == current.settings &&
           categories == current.categories && (!next_visibility_change || now < *next_visibility_change);
  }
};

struct CachedPage {
  unsigned status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;  ///< Cache-Control, Last-Modified...
  std::vector<LiveSlot> slots;
  http::SplicedEncoding identity = http::SplicedEncoding::Identity({});
  std::optional<http::SplicedEncoding> gzip;
  std::optional<http::SplicedEncoding> brotli;
  std::uint64_t static_hash = 0;  ///< of the static bytes: the ETag's first half, with the live values'
  std::int64_t article_id = 0;    ///< counted as this article's read on every answer; 0 for other pages
  PageSources sources;

  /// Memory held, for the cache's bound.
  std::size_t bytes() const;
};

}  // namespace gazette::site
