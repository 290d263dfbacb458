#pragma once
/// Public URLs of the site's pages. One place, so that links, canonical URLs, feeds and sitemaps agree.

#include <cstdint>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/time_zone.hpp"

namespace gazette::site {

/// "/2026/01/some-title": year and month of publication in the site's time zone.
std::string ArticlePath(Timestamp publish_at, std::string_view slug, const TimeZone& zone);
std::string CategoryPath(std::string_view slug);
std::string TagPath(std::string_view slug);
std::string AuthorPath(std::string_view slug);
/// "/archive", "/archive/2013", "/archive/2013/04" (month 0 or year 0 leave the part out).
std::string ArchivePath(int year = 0, int month = 0);
/// base_path for page 1, base_path?page=N beyond.
std::string PagedPath(std::string_view base_path, std::int64_t page);

}  // namespace gazette::site
