// The in-memory rate limit: N events per sender in a sliding window.
#include "gazette/comments/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

using std::chrono::seconds;

const Timestamp kStart = TimestampFromUnix(1767355200);

TEST(RateLimiter, AllowsNEventsPerWindowAndThenRefuses) {
  RateLimiter limiter(5, seconds(600));
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.TryAcquire("a", kStart + seconds(i))) << i;
  EXPECT_FALSE(limiter.TryAcquire("a", kStart + seconds(10)));
  EXPECT_TRUE(limiter.TryAcquire("b", kStart + seconds(10)));
}

TEST(RateLimiter, TheWindowSlides) {
  RateLimiter limiter(2, seconds(600));
  EXPECT_TRUE(limiter.TryAcquire("a", kStart));
  EXPECT_TRUE(limiter.TryAcquire("a", kStart + seconds(300)));
  EXPECT_FALSE(limiter.TryAcquire("a", kStart + seconds(599)));
  EXPECT_TRUE(limiter.TryAcquire("a", kStart + seconds(600)));
  EXPECT_FALSE(limiter.TryAcquire("a", kStart + seconds(601)));
  EXPECT_TRUE(limiter.TryAcquire("a", kStart + seconds(900)));
}

TEST(RateLimiter, ARefusalIsNotCountedAgainstTheSender) {
  RateLimiter limiter(1, seconds(600));
  EXPECT_TRUE(limiter.TryAcquire("a", kStart));
  for (int i = 1; i < 10; ++i) EXPECT_FALSE(limiter.TryAcquire("a", kStart + seconds(i * 10)));
  EXPECT_TRUE(limiter.TryAcquire("a", kStart + seconds(600)));
}

}  // namespace
}  // namespace gazette::comments
