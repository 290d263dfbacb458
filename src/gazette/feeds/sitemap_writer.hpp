#pragma once
/// Sitemaps (https://www.sitemaps.org/protocol.html): a sitemap index, a URL set, and Google's news
/// sitemap extension. Each writer appends to a caller's string, one URL at a time, so a 50,000-URL
/// sitemap is written while its rows stream from the database.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/feeds/xml_writer.hpp"

namespace gazette::feeds {

/// The protocol's limit of URLs per sitemap file (and of sitemaps per index).
inline constexpr std::size_t kMaxSitemapUrls = 50000;
/// Google News reads at most 1,000 URLs per news sitemap.
inline constexpr std::size_t kMaxNewsSitemapUrls = 1000;

/// <urlset>. Call Finish() once, after the last Add. Not thread-safe.
class SitemapWriter {
 public:
  explicit SitemapWriter(std::string& out);
  /// loc absolute; lastmod in W3C datetime (RFC 3339) when given.
  void Add(std::string_view loc, std::optional<Timestamp> lastmod);
  void Finish();

 private:
  XmlWriter xml_;
};

/// <sitemapindex>. Call Finish() once, after the last Add. Not thread-safe.
class SitemapIndexWriter {
 public:
  explicit SitemapIndexWriter(std::string& out);
  void Add(std::string_view loc, std::optional<Timestamp> lastmod);
  void Finish();

 private:
  XmlWriter xml_;
};

/// A <urlset> with news:news entries (publication name and language, date, title).
class NewsSitemapWriter {
 public:
  NewsSitemapWriter(std::string& out, std::string_view publication_name, std::string_view language);
  void Add(std::string_view loc, Timestamp published, std::string_view title);
  void Finish();

 private:
  XmlWriter xml_;
  std::string publication_name_;
  std::string language_;
};

}  // namespace gazette::feeds
