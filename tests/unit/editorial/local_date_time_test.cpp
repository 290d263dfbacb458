#include "gazette/editorial/local_date_time.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gazette::editorial {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Timestamp Utc(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return Timestamp{
             std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}} +
         hours{h} + minutes{min};
}

TimeZone London() {
  auto zone = TimeZone::Load("Europe/London");
  EXPECT_TRUE(zone.ok());
  return zone.ok() ? *zone : TimeZone::Utc();
}

TEST(LocalDateTime, ReadsTheFormsBrowsersAndPeopleType) {
  const TimeZone london = London();
  EXPECT_EQ(*ParseLocalDateTime("2026-01-15T09:30", london), Utc(2026, 1, 15, 9, 30));
  EXPECT_EQ(*ParseLocalDateTime("2026-01-15 09:30", london), Utc(2026, 1, 15, 9, 30));
  EXPECT_EQ(*ParseLocalDateTime("2026-01-15T09:30:15", london),
            Utc(2026, 1, 15, 9, 30) + std::chrono::seconds{15});
  EXPECT_EQ(*ParseLocalDateTime("2026-07-15T09:30", london), Utc(2026, 7, 15, 8, 30));
}

TEST(LocalDateTime, AcrossTheSpringChangeTheSameClockTimeIsAnHourEarlierInUtc) {
  const TimeZone london = London();
  EXPECT_EQ(*ParseLocalDateTime("2026-03-28 09:00", london), Utc(2026, 3, 28, 9));
  EXPECT_EQ(*ParseLocalDateTime("2026-03-29 09:00", london), Utc(2026, 3, 29, 8));
  // 01:30 does not exist that night: it lands an hour after 01:00 GMT, at 02:30 BST.
  EXPECT_EQ(*ParseLocalDateTime("2026-03-29 01:30", london), Utc(2026, 3, 29, 1, 30));
}

TEST(LocalDateTime, RefusesMalformedAndImpossibleValues) {
  const TimeZone london = London();
  for (const std::string& text : std::vector<std::string>{
           "", "2026-01-15", "09:30", "2026-01-15T9:30", "2026-01-15T24:00", "2026-01-15T12:60",
           "2026-02-30T10:00", "2026-01-15X10:00", "2026-01-15T10:00:60", "2026-01-15T10:00Z",
           "2026-01-15T10-00", "tomorrow at ten", std::string("2026-01-15T10:0\0", 16)}) {
    auto at = ParseLocalDateTime(text, london);
    ASSERT_FALSE(at.ok()) << text;
    EXPECT_EQ(at.error().code, ErrorCode::kInvalid);
  }
}

TEST(LocalDateTime, FormatsWhatItReads) {
  const TimeZone london = London();
  EXPECT_EQ(FormatLocalDateTime(Utc(2026, 7, 15, 8, 30), london), "2026-07-15T09:30");
  EXPECT_EQ(FormatLocalDateTime(Utc(2026, 1, 15, 23, 59), london), "2026-01-15T23:59");
  for (const Timestamp t : {Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 30), Utc(2026, 10, 25, 0, 30)}) {
    EXPECT_EQ(*ParseLocalDateTime(FormatLocalDateTime(t, london), london), t);
  }
}

}  // namespace
}  // namespace gazette::editorial
