#include "gazette/site/urls.hpp"

#include <fmt/format.h>

namespace gazette::site {

std::string ArticlePath(Timestamp publish_at, std::string_view slug, const TimeZone& zone) {
  const LocalDate date = zone.DateOf(publish_at);
  return fmt::format("/{:04}/{:02}/{}", date.year, date.month, slug);
}

std::string CategoryPath(std::string_view slug) { return fmt::format("/category/{}", slug); }
std::string TagPath(std::string_view slug) { return fmt::format("/tag/{}", slug); }
std::string AuthorPath(std::string_view slug) { return fmt::format("/author/{}", slug); }

std::string ArchivePath(int year, int month) {
  if (year == 0) return "/archive";
  if (month == 0) return fmt::format("/archive/{:04}", year);
  return fmt::format("/archive/{:04}/{:02}", year, month);
}

std::string PagedPath(std::string_view base_path, std::int64_t page) {
  if (page <= 1) return std::string(base_path);
  return fmt::format("{}?page={}", base_path, page);
}

}  // namespace gazette::site
