// The archive: /archive (years), /archive/YYYY (months), /archive/YYYY/MM (that month's articles).
#include <charconv>

#include <fmt/format.h>

#include "gazette/site/public_site.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

/// Oldest year the archive looks at: older than any web news site, so imports of old sites fit.
constexpr int kFirstArchiveYear = 1990;

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

/// Parses exactly `digits` decimal digits within [low, high]; nothing else.
std::optional<int> ParseFixedNumber(std::string_view text, std::size_t digits, int low, int high) {
  if (text.size() != digits) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < low || value > high) return std::nullopt;
  return value;
}

LocalDate FirstOfMonth(int year, int month) { return LocalDate{year, month, 1}; }
LocalDate FirstOfNextMonth(int year, int month) {
  return month == 12 ? LocalDate{year + 1, 1, 1} : LocalDate{year, month + 1, 1};
}

}  // namespace

http::Response PublicSite::ArchiveIndexPage(const http::Request&, const LiveText& live) const {
  const Timestamp now = ctx_.clock.Now();
  const TimeZone zone = ctx_.live.Current()->dates.zone();
  const int this_year = zone.DateOf(now).year;
  render::View years{render::View::type::list};
  for (int year = this_year; year >= kFirstArchiveYear; --year) {
    auto count = ctx_.storage.articles().CountVisible(zone.StartOfDay({year, 1, 1}),
                                                       zone.StartOfDay({year + 1, 1, 1}), now);
    if (!count.ok()) return StoreError(count.error());
    if (*count == 0) continue;
    render::View item;
    item.set("name", std::to_string(year));
    item.set("url", ArchivePath(year));
    item.set("count", FormatCount(*count));
    years.push_back(item);
  }
  PageMeta meta;
  meta.title = "Archive";
  meta.description = "Every article of " + ctx_.live.Current()->site.name + ", by year and month.";
  meta.canonical_path = ArchivePath();
  render::View view = LayoutView(ctx_, meta, &live);
  view.set("heading", "Archive");
  view.set("entries", years);
  return Render("archive", std::move(view));
}

http::Response PublicSite::ArchiveYearPage(const http::Request& request, const LiveText& live) const {
  const auto year = ParseFixedNumber(request.Param("year"), 4, kFirstArchiveYear, 9999);
  if (!year) return ErrorPage(404, "There is no archive for this year.");
  const Timestamp now = ctx_.clock.Now();
  const TimeZone zone = ctx_.live.Current()->dates.zone();
  render::View months{render::View::type::list};
  std::int64_t total = 0;
  for (int month = 1; month <= 12; ++month) {
    auto count = ctx_.storage.articles().CountVisible(zone.StartOfDay(FirstOfMonth(*year, month)),
                                                       zone.StartOfDay(FirstOfNextMonth(*year, month)), now);
    if (!count.ok()) return StoreError(count.error());
    total += *count;
    if (*count == 0) continue;
    render::View item;
    item.set("name", fmt::format("{} {}", kMonthNames[month - 1], *year));
    item.set("url", ArchivePath(*year, month));
    item.set("count", FormatCount(*count));
    months.push_back(item);
  }
  if (total == 0) return ErrorPage(404, "There are no articles from this year.");
  PageMeta meta;
  meta.title = fmt::format("Archive {}", *year);
  meta.description = fmt::format("Articles of {} published in {}.", ctx_.live.Current()->site.name, *year);
  meta.canonical_path = ArchivePath(*year);
  render::View view = LayoutView(ctx_, meta, &live);
  view.set("heading", meta.title);
  view.set("entries", months);
  return Render("archive", std::move(view));
}

http::Response PublicSite::ArchiveMonthPage(const http::Request& request, const LiveText& live) const {
  const auto year = ParseFixedNumber(request.Param("year"), 4, kFirstArchiveYear, 9999);
  const auto month = ParseFixedNumber(request.Param("month"), 2, 1, 12);
  if (!year || !month) return ErrorPage(404, "There is no archive for this month.");
  const TimeZone zone = ctx_.live.Current()->dates.zone();
  storage::ArticleFilter filter;
  filter.published_from = zone.StartOfDay(FirstOfMonth(*year, *month));
  filter.published_before = zone.StartOfDay(FirstOfNextMonth(*year, *month));
  const std::string title = fmt::format("{} {}", kMonthNames[*month - 1], *year);
  PageMeta meta;
  meta.title = "Archive " + title;
  meta.description = fmt::format("Articles of {} published in {}.", ctx_.live.Current()->site.name, title);
  return TeaserListPage(request, filter, ArchivePath(*year, *month), meta, [&](render::View& view) {
    view.set("heading", title);
    render::View crumb;
    crumb.set("name", std::to_string(*year));
    crumb.set("url", ArchivePath(*year));
    render::View breadcrumbs{render::View::type::list};
    breadcrumbs.push_back(crumb);
    view.set("breadcrumbs", breadcrumbs);
    view.set("has_breadcrumbs", true);
  }, live);
}

}  // namespace gazette::site
