#include "gazette/feeds/feed_dates.hpp"

#include <gtest/gtest.h>

namespace gazette::feeds {
namespace {

TEST(FeedDates, Rfc822HasDayNameFourDigitYearAndNumericZone) {
  // 2002-09-07 09:42:31 UTC was a Saturday.
  EXPECT_EQ(FormatRfc822(TimestampFromUnix(1031391751)), "Sat, 07 Sep 2002 09:42:31 +0000");
  EXPECT_EQ(FormatRfc822(TimestampFromUnix(0)), "Thu, 01 Jan 1970 00:00:00 +0000");
  // A leap day.
  EXPECT_EQ(FormatRfc822(TimestampFromUnix(1709164800)), "Thu, 29 Feb 2024 00:00:00 +0000");
}

TEST(FeedDates, Rfc3339IsUtcWithZ) {
  EXPECT_EQ(FormatRfc3339(TimestampFromUnix(1031391751)), "2002-09-07T09:42:31Z");
  EXPECT_EQ(FormatRfc3339(TimestampFromUnix(1767225599)), "2025-12-31T23:59:59Z");
}

}  // namespace
}  // namespace gazette::feeds
