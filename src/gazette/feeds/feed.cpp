#include "gazette/feeds/feed.hpp"

#include <fmt/format.h>

#include <chrono>

namespace gazette::feeds {

std::string AbsoluteUrl(std::string_view base_url, std::string_view path) {
  std::string url(base_url);
  url += path;
  return url;
}

std::string TagUri(std::string_view base_url, Timestamp created, std::string_view specific) {
  std::string_view host = base_url;
  if (const auto scheme = host.find("://"); scheme != std::string_view::npos) host.remove_prefix(scheme + 3);
  if (const auto end = host.find_first_of("/:?#"); end != std::string_view::npos) host = host.substr(0, end);
  const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(created)};
  return fmt::format("tag:{},{:04}-{:02}-{:02}:{}", host, static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), specific);
}

}  // namespace gazette::feeds
