#pragma once
/// SyndicationCache: the rendered bytes of feeds and sitemaps, by path. An entry is current while the
/// sources it was built from still hold (the content version, settings and category tree, as for the page
/// cache), so a change shows in the next request's feed; and for kSyndicationCacheTtl at most, because
/// some of them also depend on the time (the news sitemap lists the last two days).

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "gazette/base/clock.hpp"
#include "gazette/site/cached_page.hpp"

namespace gazette::site {

/// How long a rendered feed or sitemap is served at most before it is built again.
inline constexpr std::chrono::seconds kSyndicationCacheTtl{1};
/// Most bytes kept: a few dozen 50,000-URL sitemaps, or thousands of feeds (tags, authors).
inline constexpr std::size_t kSyndicationCacheMaxBytes = std::size_t{64} << 20;

/// One cached answer: the body, its content type and strong ETag.
struct SyndicationEntry {
  std::shared_ptr<const std::string> body;
  std::string content_type;
  std::string etag;
  Timestamp built_at{};
  PageSources sources;  ///< read before the build
};

/// Thread-safe (one mutex; each hit holds it for a hash lookup and a shared_ptr copy).
class SyndicationCache {
 public:
  /// The entry for path when one was built less than kSyndicationCacheTtl before now from the sources
  /// that hold now (current).
  std::shared_ptr<const SyndicationEntry> Find(std::string_view path, const PageSources& current,
                                               Timestamp now) const;
  /// Keeps entry for path. When the cache would grow past kSyndicationCacheMaxBytes it drops every entry
  /// first: entries are rebuilt within a second anyway, so a simple bound is enough.
  void Put(std::string_view path, std::shared_ptr<const SyndicationEntry> entry);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const SyndicationEntry>> entries_;
  std::size_t bytes_ = 0;
};

}  // namespace gazette::site
