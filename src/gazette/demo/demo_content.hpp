#pragma once
/// Demo content: deterministic synthetic news (original text, no copied material) for trying Gazette and
/// for benchmarks: articles from 2001 to today, ~30 country labels and categories, authors, tags, featured
/// articles, accented place names. Same seed and same day give the same site.

#include <cstdint>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::demo {

struct DemoOptions {
  std::int64_t articles = 2000;  ///< 1..1,000,000
  std::uint64_t seed = 1;
};

/// Fills an empty, migrated store. The newest articles are dated today and yesterday (local), the oldest
/// in 2001; a few are featured. kInvalid when options are out of range; storage errors are passed on.
Status GenerateDemoContent(storage::Storage& storage, const DemoOptions& options, Timestamp now,
                           const TimeZone& zone);

}  // namespace gazette::demo
