// PageCache: keeping, finding, replacing and evicting pages within the byte bound.
#include "gazette/site/page_cache.hpp"

#include <gtest/gtest.h>

namespace gazette::site {
namespace {

std::shared_ptr<const CachedPage> PageOf(std::size_t body_bytes, unsigned status = 200) {
  auto page = std::make_shared<CachedPage>();
  page->status = status;
  const std::string body(body_bytes, 'x');
  const std::string_view chunks[] = {body};
  page->identity = http::SplicedEncoding::Identity(chunks);
  return page;
}

TEST(PageCacheTest, KeepsAndFindsPagesByKey) {
  PageCache cache(8 * 1024 * 1024);
  cache.Put("/", PageOf(100));
  cache.Put("/?page=2", PageOf(200, 201));
  ASSERT_NE(cache.Find("/"), nullptr);
  EXPECT_EQ(cache.Find("/?page=2")->status, 201U);
  EXPECT_EQ(cache.Find("/?page=3"), nullptr);
  EXPECT_EQ(cache.size(), 2U);
}

TEST(PageCacheTest, PuttingAKeyAgainReplacesItsPageAndItsBytes) {
  PageCache cache(8 * 1024 * 1024);
  cache.Put("/a", PageOf(1000, 200));
  const std::size_t one = cache.bytes();
  cache.Put("/a", PageOf(1000, 203));
  EXPECT_EQ(cache.Find("/a")->status, 203U);
  EXPECT_EQ(cache.size(), 1U);
  EXPECT_EQ(cache.bytes(), one);
}

TEST(PageCacheTest, StaysWithinItsBoundByEvictingTheLeastRecentlyUsed) {
  // 8 shards of 64 KiB: 40 pages of 10 KB cannot all stay.
  PageCache cache(8 * 64 * 1024);
  for (int i = 0; i < 400; ++i) cache.Put("/p" + std::to_string(i), PageOf(10'000));
  EXPECT_LE(cache.bytes(), 8U * 64 * 1024);
  EXPECT_LT(cache.size(), 400U);
  EXPECT_GT(cache.size(), 0U);
  EXPECT_NE(cache.Find("/p399"), nullptr) << "the newest page stays";
  EXPECT_EQ(cache.Find("/p0"), nullptr) << "the oldest page went first";
}

TEST(PageCacheTest, AFoundPageIsUsedRecentlyAndOutlivesOlderOnes) {
  PageCache cache(8 * 64 * 1024);
  cache.Put("/keep", PageOf(10'000));
  for (int i = 0; i < 400; ++i) {
    ASSERT_NE(cache.Find("/keep"), nullptr) << "evicted after " << i << " newer pages";
    cache.Put("/p" + std::to_string(i), PageOf(10'000));
  }
}

TEST(PageCacheTest, APageLargerThanItsShareIsNotKept) {
  PageCache cache(8 * 1024);
  cache.Put("/huge", PageOf(100'000));
  EXPECT_EQ(cache.Find("/huge"), nullptr);
  EXPECT_EQ(cache.bytes(), 0U);
}

TEST(PageCacheTest, APageHeldByAnAnswerOutlivesItsEviction) {
  PageCache cache(8 * 64 * 1024);
  cache.Put("/a", PageOf(10'000, 299));
  const auto held = cache.Find("/a");
  for (int i = 0; i < 400; ++i) cache.Put("/p" + std::to_string(i), PageOf(10'000));
  EXPECT_EQ(cache.Find("/a"), nullptr);
  EXPECT_EQ(held->status, 299U);
}

TEST(PageSourcesTest, APageIsCurrentOnlyWhileEverySourceStillHolds) {
  const auto settings = std::make_shared<int>(1);
  const auto categories = std::make_shared<int>(2);
  PageSources made{7, settings, categories, std::nullopt};
  const Timestamp now = TimestampFromUnix(1767355200);
  EXPECT_TRUE(made.StillHold({7, settings, categories, std::nullopt}, now));
  EXPECT_FALSE(made.StillHold({8, settings, categories, std::nullopt}, now));
  EXPECT_FALSE(made.StillHold({7, std::make_shared<int>(1), categories, std::nullopt}, now));
  EXPECT_FALSE(made.StillHold({7, settings, std::make_shared<int>(2), std::nullopt}, now));
  made.next_visibility_change = now + std::chrono::seconds(1);
  EXPECT_TRUE(made.StillHold({7, settings, categories, std::nullopt}, now));
  EXPECT_FALSE(made.StillHold({7, settings, categories, std::nullopt}, now + std::chrono::seconds(1)));
}

}  // namespace
}  // namespace gazette::site
