// The syndication cache: an entry is current while its sources hold and for a second at most.
#include "gazette/site/syndication_cache.hpp"

#include <gtest/gtest.h>

namespace gazette::site {
namespace {

using std::chrono::seconds;

const Timestamp kBuilt = TimestampFromUnix(1767355200);

PageSources Sources(std::int64_t version, std::shared_ptr<const void> settings) {
  PageSources sources;
  sources.content_version = version;
  sources.settings = std::move(settings);
  return sources;
}

std::shared_ptr<const SyndicationEntry> Entry(const PageSources& sources) {
  auto entry = std::make_shared<SyndicationEntry>();
  entry->body = std::make_shared<const std::string>("<rss/>");
  entry->content_type = "application/rss+xml";
  entry->etag = "\"e\"";
  entry->built_at = kBuilt;
  entry->sources = sources;
  return entry;
}

TEST(SyndicationCache, AnEntryIsCurrentWhileItsSourcesHoldAndForASecondAtMost) {
  const auto settings = std::make_shared<const int>(1);
  const PageSources built_from = Sources(7, settings);
  SyndicationCache cache;
  cache.Put("/feed/rss", Entry(built_from));
  EXPECT_NE(cache.Find("/feed/rss", built_from, kBuilt), nullptr);
  EXPECT_EQ(cache.Find("/feed/rss", built_from, kBuilt + seconds(1)), nullptr);
  EXPECT_EQ(cache.Find("/feed/rss", built_from, kBuilt - seconds(1)), nullptr) << "a clock that went back";
  EXPECT_EQ(cache.Find("/feed/atom", built_from, kBuilt), nullptr);
}

TEST(SyndicationCache, AnyChangeOfItsSourcesMakesAnEntryStaleAtOnce) {
  const auto settings = std::make_shared<const int>(1);
  PageSources built_from = Sources(7, settings);
  built_from.next_visibility_change = kBuilt + seconds(1);
  SyndicationCache cache;
  cache.Put("/feed/rss", Entry(built_from));
  EXPECT_NE(cache.Find("/feed/rss", Sources(7, settings), kBuilt), nullptr);
  EXPECT_EQ(cache.Find("/feed/rss", Sources(8, settings), kBuilt), nullptr) << "the content changed";
  EXPECT_EQ(cache.Find("/feed/rss", Sources(7, std::make_shared<const int>(1)), kBuilt), nullptr)
      << "new settings";
  built_from.next_visibility_change = kBuilt;
  cache.Put("/sitemap.xml", Entry(built_from));
  EXPECT_EQ(cache.Find("/sitemap.xml", Sources(7, settings), kBuilt), nullptr) << "a scheduled article appeared";
}

}  // namespace
}  // namespace gazette::site
