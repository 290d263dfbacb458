#include "gazette/base/time_zone.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace gazette {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Timestamp Utc(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  return Timestamp{
             std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}} +
         hours{h} + minutes{min} + seconds{s};
}

TimeZone Zone(std::string_view name) {
  auto zone = TimeZone::Load(name);
  EXPECT_TRUE(zone.ok()) << name;
  return zone.ok() ? *zone : TimeZone::Utc();
}

seconds DayLength(const TimeZone& zone, LocalDate d) {
  return zone.StartOfDay(d.NextDay()) - zone.StartOfDay(d);
}

TEST(TimeZone, UtcHasNoOffset) {
  const TimeZone utc = TimeZone::Utc();
  EXPECT_EQ(utc.name(), "UTC");
  EXPECT_EQ(utc.UtcOffset(Utc(2026, 7, 1)), seconds{0});
  EXPECT_EQ(utc.DateOf(Utc(2026, 1, 2, 23, 59, 59)), (LocalDate{2026, 1, 2}));
  EXPECT_EQ(utc.StartOfDay({2026, 1, 2}), Utc(2026, 1, 2));
  EXPECT_EQ(Zone("UTC").StartOfDay({2026, 1, 2}), Utc(2026, 1, 2));
}

TEST(TimeZone, LondonDayIs23HoursWhenClocksGoForward) {
  const TimeZone london = Zone("Europe/London");
  EXPECT_EQ(london.StartOfDay({2026, 3, 29}), Utc(2026, 3, 29));
  EXPECT_EQ(london.StartOfDay({2026, 3, 30}), Utc(2026, 3, 29, 23));
  EXPECT_EQ(DayLength(london, {2026, 3, 29}), hours{23});
  EXPECT_EQ(london.UtcOffset(Utc(2026, 3, 29, 0, 59, 59)), seconds{0});
  EXPECT_EQ(london.UtcOffset(Utc(2026, 3, 29, 1)), hours{1});
  EXPECT_EQ(london.DateOf(Utc(2026, 3, 29, 23, 30)), (LocalDate{2026, 3, 30}));
}

TEST(TimeZone, LondonDayIs25HoursWhenClocksGoBack) {
  const TimeZone london = Zone("Europe/London");
  EXPECT_EQ(london.StartOfDay({2026, 10, 25}), Utc(2026, 10, 24, 23));
  EXPECT_EQ(london.StartOfDay({2026, 10, 26}), Utc(2026, 10, 26));
  EXPECT_EQ(DayLength(london, {2026, 10, 25}), hours{25});
  EXPECT_EQ(DayLength(london, {2026, 10, 26}), hours{24});
}

TEST(TimeZone, WarsawAcrossBothChanges) {
  const TimeZone warsaw = Zone("Europe/Warsaw");
  EXPECT_EQ(warsaw.UtcOffset(Utc(2026, 1, 15)), hours{1});
  EXPECT_EQ(warsaw.UtcOffset(Utc(2026, 7, 15)), hours{2});
  EXPECT_EQ(warsaw.DateOf(Utc(2026, 1, 1, 23, 30)), (LocalDate{2026, 1, 2}));
  EXPECT_EQ(warsaw.StartOfDay({2026, 3, 29}), Utc(2026, 3, 28, 23));
  EXPECT_EQ(warsaw.StartOfDay({2026, 3, 30}), Utc(2026, 3, 29, 22));
  EXPECT_EQ(DayLength(warsaw, {2026, 3, 29}), hours{23});
  EXPECT_EQ(DayLength(warsaw, {2026, 10, 25}), hours{25});
}

TEST(TimeZone, SaoPauloWhereDstSkippedMidnight) {
  const TimeZone sao_paulo = Zone("America/Sao_Paulo");
  EXPECT_EQ(sao_paulo.UtcOffset(Utc(2026, 1, 2)), hours{-3});
  EXPECT_EQ(sao_paulo.DateOf(Utc(2026, 1, 2, 2)), (LocalDate{2026, 1, 1}));
  // 2018-11-04: clocks jumped from 00:00 to 01:00, so the day began at 01:00 local (-02).
  EXPECT_EQ(sao_paulo.StartOfDay({2018, 11, 4}), Utc(2018, 11, 4, 3));
  EXPECT_EQ(DayLength(sao_paulo, {2018, 11, 4}), hours{23});
  // 2019-02-17: at midnight clocks went back to 23:00 of the 16th, which was 25 hours long.
  EXPECT_EQ(sao_paulo.StartOfDay({2019, 2, 17}), Utc(2019, 2, 17, 3));
  EXPECT_EQ(sao_paulo.DateOf(Utc(2019, 2, 17, 2, 30)), (LocalDate{2019, 2, 16}));
  EXPECT_EQ(DayLength(sao_paulo, {2019, 2, 16}), hours{25});
}

TEST(TimeZone, KolkataHasAHalfHourOffset) {
  const TimeZone kolkata = Zone("Asia/Kolkata");
  EXPECT_EQ(kolkata.UtcOffset(Utc(2026, 1, 1)), hours{5} + minutes{30});
  EXPECT_EQ(kolkata.DateOf(Utc(2026, 1, 1, 18, 29, 59)), (LocalDate{2026, 1, 1}));
  EXPECT_EQ(kolkata.DateOf(Utc(2026, 1, 1, 18, 30)), (LocalDate{2026, 1, 2}));
  EXPECT_EQ(kolkata.StartOfDay({2026, 1, 2}), Utc(2026, 1, 1, 18, 30));
}

TEST(TimeZone, StartOfDayIsTheFirstInstantOfEveryDay) {
  for (const char* name : {"UTC", "Europe/London", "Europe/Warsaw", "America/Sao_Paulo", "Asia/Kolkata",
                           "America/New_York", "Australia/Lord_Howe"}) {
    const TimeZone zone = Zone(name);
    for (LocalDate d{2018, 1, 1}; d < LocalDate{2020, 1, 1}; d = d.NextDay()) {
      const Timestamp start = zone.StartOfDay(d);
      ASSERT_EQ(zone.DateOf(start), d) << name << " " << d.ToIso();
      ASSERT_EQ(zone.DateOf(start - seconds{1}), d.PreviousDay()) << name << " " << d.ToIso();
    }
  }
}

TEST(TimeZone, LocalTimeOfDayFollowsTheOffsetOfThatDay) {
  const TimeZone london = Zone("Europe/London");
  EXPECT_EQ(london.AtLocalTime({2026, 1, 15}, hours{9}), Utc(2026, 1, 15, 9));
  EXPECT_EQ(london.AtLocalTime({2026, 7, 15}, hours{9}), Utc(2026, 7, 15, 8));
  // The day clocks go forward: 00:30 is before the jump, 03:00 after it, two hours apart in real time.
  EXPECT_EQ(london.AtLocalTime({2026, 3, 29}, minutes{30}), Utc(2026, 3, 29, 0, 30));
  EXPECT_EQ(london.AtLocalTime({2026, 3, 29}, hours{3}), Utc(2026, 3, 29, 2));
  EXPECT_EQ(Zone("Asia/Kolkata").AtLocalTime({2026, 1, 2}, hours{6}), Utc(2026, 1, 2, 0, 30));
  EXPECT_EQ(TimeZone::Utc().AtLocalTime({2026, 1, 2}, hours{23} + minutes{59}), Utc(2026, 1, 2, 23, 59));
}

TEST(TimeZone, SkippedLocalTimeLandsAfterTheJump) {
  // London, 2026-03-29: clocks jump from 01:00 GMT to 02:00 BST, so 01:30 never shows; it is read with
  // the offset before the jump, which is 02:30 BST.
  const TimeZone london = Zone("Europe/London");
  const Timestamp t = london.AtLocalTime({2026, 3, 29}, hours{1} + minutes{30});
  EXPECT_EQ(t, Utc(2026, 3, 29, 1, 30));
  EXPECT_EQ(london.UtcOffset(t), hours{1});
}

TEST(TimeZone, RepeatedLocalTimeIsTheEarlierOne) {
  // London, 2026-10-25: clocks go back from 02:00 BST to 01:00 GMT, so 01:30 shows twice.
  const TimeZone london = Zone("Europe/London");
  EXPECT_EQ(london.AtLocalTime({2026, 10, 25}, hours{1} + minutes{30}), Utc(2026, 10, 25, 0, 30));
}

TEST(TimeZone, DayThatNeverHappenedStartsWithTheNextOne) {
  // Samoa skipped 2011-12-30 entirely when it moved across the date line.
  const TimeZone apia = Zone("Pacific/Apia");
  EXPECT_EQ(apia.DateOf(apia.StartOfDay({2011, 12, 30})), (LocalDate{2011, 12, 31}));
}

TEST(TimeZone, RejectsUnknownZones) {
  for (const std::string& name :
       std::vector<std::string>{"Mars/Olympus_Mons", "", "Etc/Unknown", "Europe/", "europe london",
                                std::string(200, 'x'), std::string("Europe/London\0x", 15)}) {
    const auto zone = TimeZone::Load(name);
    ASSERT_FALSE(zone.ok()) << name;
    EXPECT_EQ(zone.error().code, ErrorCode::kInvalid);
    EXPECT_NE(zone.error().message.find("time zone"), std::string::npos);
  }
  const auto zone = TimeZone::Load("Mars/Olympus_Mons");
  ASSERT_FALSE(zone.ok());
  EXPECT_NE(zone.error().message.find("Mars/Olympus_Mons"), std::string::npos);
}

TEST(TimeZone, KeepsTheNameItWasGiven) {
  EXPECT_EQ(Zone("Europe/Warsaw").name(), "Europe/Warsaw");
}

TEST(TimeZone, IsSafeToShareBetweenThreads) {
  const TimeZone london = Zone("Europe/London");
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < failures.size(); ++i) {
    threads.emplace_back([&, i] {
      for (LocalDate d{2026, 1, 1}; d < LocalDate{2027, 1, 1}; d = d.NextDay()) {
        if (london.DateOf(london.StartOfDay(d)) != d) ++failures[i];
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const int f : failures) EXPECT_EQ(f, 0);
}

TEST(LocalDate, FormatsAsIso) {
  EXPECT_EQ((LocalDate{2026, 1, 2}).ToIso(), "2026-01-02");
  EXPECT_EQ((LocalDate{987, 12, 31}).ToIso(), "0987-12-31");
}

TEST(LocalDate, ParsesIso) {
  const auto date = LocalDate::ParseIso("2026-01-02");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(*date, (LocalDate{2026, 1, 2}));
  EXPECT_TRUE(LocalDate::ParseIso("2024-02-29").ok());
  EXPECT_TRUE(LocalDate::ParseIso("9999-12-31").ok());
}

TEST(LocalDate, RejectsMalformedDates) {
  for (const std::string& text : std::vector<std::string>{
           "2026-02-30", "2026-02-29", "abc", "2026-1-1", "", "2026-01-01 ", " 2026-01-01", "+026-01-01",
           "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "0000-01-01", "2026/01/01", "2026-01-0a",
           "20260101", "2026-01-01T00:00", std::string("2026-01-0\0", 10)}) {
    const auto date = LocalDate::ParseIso(text);
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_EQ(date.error().code, ErrorCode::kInvalid);
  }
}

TEST(LocalDate, StepsAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ((LocalDate{2026, 1, 31}).NextDay(), (LocalDate{2026, 2, 1}));
  EXPECT_EQ((LocalDate{2026, 12, 31}).NextDay(), (LocalDate{2027, 1, 1}));
  EXPECT_EQ((LocalDate{2024, 2, 28}).NextDay(), (LocalDate{2024, 2, 29}));
  EXPECT_EQ((LocalDate{2026, 3, 1}).PreviousDay(), (LocalDate{2026, 2, 28}));
  EXPECT_EQ((LocalDate{2024, 3, 1}).PreviousDay(), (LocalDate{2024, 2, 29}));
  EXPECT_EQ((LocalDate{2026, 1, 1}).PreviousDay(), (LocalDate{2025, 12, 31}));
}

TEST(LocalDate, OrdersChronologically) {
  EXPECT_LT((LocalDate{2025, 12, 31}), (LocalDate{2026, 1, 1}));
  EXPECT_LT((LocalDate{2026, 1, 31}), (LocalDate{2026, 2, 1}));
}

}  // namespace
}  // namespace gazette
