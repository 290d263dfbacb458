#include "gazette/render/date_formatter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace gazette::render {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Timestamp Utc(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return Timestamp{
             std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}} +
         hours{h} + minutes{min};
}

TimeZone Zone(std::string_view name) {
  auto zone = TimeZone::Load(name);
  EXPECT_TRUE(zone.ok()) << name;
  return zone.ok() ? *zone : TimeZone::Utc();
}

DateFormatter Make(std::string_view pattern, std::string_view language, TimeZone zone) {
  auto formatter = DateFormatter::Create(pattern, language, std::move(zone));
  if (!formatter.ok()) {
    ADD_FAILURE() << formatter.error().message;
    std::abort();
  }
  return std::move(formatter).value();
}

constexpr std::string_view kSitePattern = "EEEE, d.MM.yyyy";

TEST(DateFormatter, FormatsTheDefaultSitePattern) {
  const DateFormatter formatter = Make(kSitePattern, "en", TimeZone::Utc());
  EXPECT_EQ(formatter.Format(Utc(2026, 1, 2, 12)), "Friday, 2.01.2026");
  EXPECT_EQ(formatter.Format(Utc(2026, 1, 2)), "Friday, 2.01.2026");
  EXPECT_EQ(formatter.IsoDate(Utc(2026, 1, 2, 23, 59)), "2026-01-02");
  EXPECT_EQ(formatter.zone().name(), "UTC");
}

TEST(DateFormatter, UsesTheSiteZoneForTheDay) {
  const Timestamp late_evening_utc = Utc(2026, 1, 1, 23, 30);
  EXPECT_EQ(Make(kSitePattern, "en", TimeZone::Utc()).Format(late_evening_utc), "Thursday, 1.01.2026");
  const DateFormatter warsaw = Make(kSitePattern, "en", Zone("Europe/Warsaw"));
  EXPECT_EQ(warsaw.Format(late_evening_utc), "Friday, 2.01.2026");
  EXPECT_EQ(warsaw.IsoDate(late_evening_utc), "2026-01-02");
  EXPECT_EQ(Make(kSitePattern, "en", Zone("America/Sao_Paulo")).Format(Utc(2026, 1, 2, 2)),
            "Thursday, 1.01.2026");
}

TEST(DateFormatter, NamesDaysInTheSiteLanguage) {
  EXPECT_EQ(Make(kSitePattern, "de", TimeZone::Utc()).Format(Utc(2026, 1, 2, 12)), "Freitag, 2.01.2026");
  EXPECT_EQ(Make(kSitePattern, "pl", TimeZone::Utc()).Format(Utc(2026, 1, 2, 12)), "piątek, 2.01.2026");
  EXPECT_EQ(Make("d MMMM yyyy", "pl", TimeZone::Utc()).Format(Utc(2026, 1, 2, 12)), "2 stycznia 2026");
  EXPECT_EQ(Make("EEEE", "pt-BR", TimeZone::Utc()).Format(Utc(2026, 1, 2, 12)), "sexta-feira");
}

TEST(DateFormatter, IsoDateFollowsDstChanges) {
  const DateFormatter london = Make("HH:mm", "en", Zone("Europe/London"));
  // 23:30 UTC is still the 28th before the change and already the 30th after it.
  EXPECT_EQ(london.IsoDate(Utc(2026, 3, 28, 23, 30)), "2026-03-28");
  EXPECT_EQ(london.IsoDate(Utc(2026, 3, 29, 23, 30)), "2026-03-30");
  EXPECT_EQ(london.Format(Utc(2026, 3, 29, 0, 30)), "00:30");
  EXPECT_EQ(london.Format(Utc(2026, 3, 29, 1, 30)), "02:30");
  EXPECT_EQ(london.IsoDate(Utc(2026, 10, 24, 23, 30)), "2026-10-25");
  EXPECT_EQ(london.Format(Utc(2026, 10, 25, 0, 30)), "01:30");
  EXPECT_EQ(london.Format(Utc(2026, 10, 25, 1, 30)), "01:30");
}

TEST(DateFormatter, KeepsQuotedLiteralText) {
  EXPECT_EQ(Make("'Today:' d.MM.", "en", TimeZone::Utc()).Format(Utc(2026, 1, 2)), "Today: 2.01.");
}

TEST(DateFormatter, RefusesPatternsIcuDoesNotUnderstand) {
  for (const std::string& pattern : std::vector<std::string>{
           "", "EEEE pppp", "d.MM.yyyy j", "'unclosed quote", "d 'de' MMMM 'x", std::string(101, 'd')}) {
    const auto formatter = DateFormatter::Create(pattern, "en", TimeZone::Utc());
    ASSERT_FALSE(formatter.ok()) << pattern;
    EXPECT_EQ(formatter.error().code, ErrorCode::kInvalid);
  }
  const auto formatter = DateFormatter::Create("EEEE pppp", "en", TimeZone::Utc());
  ASSERT_FALSE(formatter.ok());
  EXPECT_NE(formatter.error().message.find("EEEE pppp"), std::string::npos);
}

TEST(DateFormatter, AcceptsQuotedLettersAndEscapedQuotes) {
  EXPECT_EQ(Make("d 'de' MMMM 'de' yyyy", "es", TimeZone::Utc()).Format(Utc(2026, 1, 2)),
            "2 de enero de 2026");
  EXPECT_EQ(Make("''yy", "en", TimeZone::Utc()).Format(Utc(2026, 1, 2)), "'26");
}

TEST(DateFormatter, RefusesUnknownLanguages) {
  for (const std::string& language :
       std::vector<std::string>{"", "zz", "not a language", "en_US_", "x-private", std::string(50, 'a')}) {
    const auto formatter = DateFormatter::Create(kSitePattern, language, TimeZone::Utc());
    ASSERT_FALSE(formatter.ok()) << language;
    EXPECT_EQ(formatter.error().code, ErrorCode::kInvalid);
  }
  const auto formatter = DateFormatter::Create(kSitePattern, "zz", TimeZone::Utc());
  ASSERT_FALSE(formatter.ok());
  EXPECT_NE(formatter.error().message.find("\"zz\""), std::string::npos);
}

TEST(DateFormatter, StaysUsableAfterAMove) {
  DateFormatter first = Make(kSitePattern, "en", TimeZone::Utc());
  EXPECT_EQ(first.Format(Utc(2026, 1, 2)), "Friday, 2.01.2026");
  DateFormatter second = std::move(first);
  EXPECT_EQ(second.Format(Utc(2026, 1, 3)), "Saturday, 3.01.2026");
}

TEST(DateFormatter, FormatsFromManyThreads) {
  const DateFormatter formatter = Make(kSitePattern, "de", Zone("Europe/Warsaw"));
  std::vector<Timestamp> instants;
  std::vector<std::string> expected;
  for (unsigned day = 1; day <= 28; ++day) {
    instants.push_back(Utc(2026, 2, day, 12));
    expected.push_back(formatter.Format(instants.back()));
  }
  ASSERT_EQ(expected[5], "Freitag, 6.02.2026");
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < mismatches.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round) {
        for (std::size_t k = 0; k < instants.size(); ++k) {
          if (formatter.Format(instants[k]) != expected[k]) ++mismatches[i];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace gazette::render
