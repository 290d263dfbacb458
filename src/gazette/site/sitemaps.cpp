// Sitemaps: /sitemap.xml indexes /sitemaps/articles-N.xml (50,000 articles each, oldest first),
// /sitemaps/sections.xml (front page, categories, tags, authors, archive pages) and /sitemaps/news.xml
// (Google News: the last two days). Each file is one query whose rows stream into the writer.
#include <charconv>
#include <chrono>
#include <map>

#include "gazette/feeds/feed.hpp"
#include "gazette/feeds/sitemap_writer.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

constexpr std::string_view kXmlType = "application/xml; charset=utf-8";
/// Google News lists articles of the last two days.
constexpr std::chrono::hours kNewsWindow{48};
constexpr auto kArticlesPerSitemap = static_cast<std::int64_t>(feeds::kMaxSitemapUrls);
/// Highest articles-N.xml: far beyond any site (50 billion articles), and it keeps N*50,000 in range.
constexpr std::int64_t kMaxArticleSitemaps = 1000000;

/// N of "articles-N.xml" when name is exactly that with 1 <= N <= kMaxArticleSitemaps.
std::optional<std::int64_t> ArticleSitemapNumber(std::string_view name) {
  constexpr std::string_view kPrefix = "articles-";
  constexpr std::string_view kSuffix = ".xml";
  if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix)) return std::nullopt;
  const std::string_view digits = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
  if (digits.empty() || digits.size() > 7 || digits.front() == '0') return std::nullopt;
  std::int64_t n = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  if (n < 1 || n > kMaxArticleSitemaps) return std::nullopt;
  return n;
}

LocalDate DateOfDayNumber(std::int64_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  return LocalDate{static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                   static_cast<int>(static_cast<unsigned>(date.day()))};
}

}  // namespace

http::Response PublicSite::SitemapIndex(const http::Request& request) const {
  auto lookup = FindSyndication(request);
  if (lookup.answer) return std::move(*lookup.answer);
  const Timestamp now = ctx_.clock.Now();
  auto count = ctx_.storage.articles().CountVisible(TimestampFromUnix(0), now + std::chrono::seconds(1), now);
  if (!count.ok()) return StoreError(count.error());
  const std::string& base_url = ctx_.live.Current()->site.base_url;
  std::string out;
  feeds::SitemapIndexWriter index(out);
  index.Add(feeds::AbsoluteUrl(base_url, "/sitemaps/sections.xml"), std::nullopt);
  index.Add(feeds::AbsoluteUrl(base_url, "/sitemaps/news.xml"), std::nullopt);
  const std::int64_t files = (*count + kArticlesPerSitemap - 1) / kArticlesPerSitemap;
  for (std::int64_t n = 1; n <= files; ++n) {
    index.Add(feeds::AbsoluteUrl(base_url, "/sitemaps/articles-" + std::to_string(n) + ".xml"), std::nullopt);
  }
  index.Finish();
  return KeepSyndication(request, lookup, std::move(out), kXmlType);
}

http::Response PublicSite::SitemapFile(const http::Request& request) const {
  const std::string_view name = request.Param("file");
  const auto number = ArticleSitemapNumber(name);
  if (!number && name != "sections.xml" && name != "news.xml") {
    return ErrorPage(404, "There is no sitemap at this address.");
  }
  auto lookup = FindSyndication(request);
  if (lookup.answer) return std::move(*lookup.answer);
  const Timestamp now = ctx_.clock.Now();
  const auto settings = ctx_.live.Current();
  const std::string& base_url = settings->site.base_url;
  const TimeZone& zone = settings->dates.zone();
  std::string out;

  if (number) {
    feeds::SitemapWriter sitemap(out);
    std::int64_t rows = 0;
    const Status read = ctx_.storage.articles().ForEachVisibleLink(
        now, (*number - 1) * kArticlesPerSitemap, kArticlesPerSitemap, [&](const storage::ArticleLink& link) {
          ++rows;
          sitemap.Add(feeds::AbsoluteUrl(base_url, ArticlePath(link.publish_at, link.slug, zone)),
                      std::max(link.updated_at, link.publish_at));
        });
    if (!read.ok()) return StoreError(read.error());
    if (rows == 0 && *number > 1) return ErrorPage(404, "There is no sitemap at this address.");
    sitemap.Finish();
    return KeepSyndication(request, lookup, std::move(out), kXmlType);
  }

  if (name == "news.xml") {
    storage::ArticleFilter filter;
    filter.published_from = now - kNewsWindow;
    auto rows = ctx_.storage.articles().ListVisible(filter, now, 0,
                                                    static_cast<std::int64_t>(feeds::kMaxNewsSitemapUrls));
    if (!rows.ok()) return StoreError(rows.error());
    feeds::NewsSitemapWriter news(out, settings->site.name, settings->site.language);
    for (const auto& row : *rows) {
      news.Add(feeds::AbsoluteUrl(base_url, ArticlePath(row.publish_at, row.slug, zone)), row.publish_at,
               domain::LabelledTitle(row.country, row.title));
    }
    news.Finish();
    return KeepSyndication(request, lookup, std::move(out), kXmlType);
  }

  // sections.xml: every page that lists articles, with the last change among the articles it lists.
  std::vector<std::pair<std::string, Timestamp>> urls;
  std::optional<Timestamp> newest;
  const std::pair<storage::SectionKind, std::string (*)(std::string_view)> kinds[] = {
      {storage::SectionKind::kCategory, &CategoryPath},
      {storage::SectionKind::kAuthor, &AuthorPath},
      {storage::SectionKind::kTag, &TagPath}};
  for (const auto& [kind, path_of] : kinds) {
    auto changes = ctx_.storage.articles().ListSectionChanges(kind, now);
    if (!changes.ok()) return StoreError(changes.error());
    for (const auto& change : *changes) {
      urls.emplace_back(path_of(change.slug), change.last_change);
      if (!newest || change.last_change > *newest) newest = change.last_change;
    }
  }
  // Days are counted with the zone's offset now: near a change of offset an article published within an
  // hour of midnight may lend its date to the neighbouring day's month, which only shifts a lastmod.
  auto days = ctx_.storage.articles().ListDayChanges(now, zone.UtcOffset(now));
  if (!days.ok()) return StoreError(days.error());
  std::map<std::pair<int, int>, Timestamp> months;
  std::map<int, Timestamp> years;
  for (const auto& day : *days) {
    const LocalDate date = DateOfDayNumber(day.day);
    auto& month = months[{date.year, date.month}];
    month = std::max(month, day.last_change);
    auto& year = years[date.year];
    year = std::max(year, day.last_change);
  }
  feeds::SitemapWriter sitemap(out);
  sitemap.Add(feeds::AbsoluteUrl(base_url, "/"), newest);
  if (!years.empty()) sitemap.Add(feeds::AbsoluteUrl(base_url, ArchivePath()), newest);
  for (const auto& [year, last_change] : years) sitemap.Add(feeds::AbsoluteUrl(base_url, ArchivePath(year)), last_change);
  for (const auto& [month, last_change] : months) {
    sitemap.Add(feeds::AbsoluteUrl(base_url, ArchivePath(month.first, month.second)), last_change);
  }
  // The protocol's limit per file; the front and archive pages come first, so only tags can be left out.
  const std::size_t room = feeds::kMaxSitemapUrls - 2 - years.size() - months.size();
  if (urls.size() > room) urls.resize(room);
  for (const auto& [path, last_change] : urls) sitemap.Add(feeds::AbsoluteUrl(base_url, path), last_change);
  sitemap.Finish();
  return KeepSyndication(request, lookup, std::move(out), kXmlType);
}

}  // namespace gazette::site
