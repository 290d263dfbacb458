#include "gazette/feeds/feed_dates.hpp"

#include <fmt/format.h>

#include <chrono>

namespace gazette::feeds {
namespace {

struct Civil {
  int year;
  unsigned month;
  unsigned day;
  unsigned weekday;  ///< 0 = Sunday
  long long hours;
  long long minutes;
  long long seconds;
};

Civil ToCivil(Timestamp t) {
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss time{t - days};
  return Civil{static_cast<int>(date.year()),
               static_cast<unsigned>(date.month()),
               static_cast<unsigned>(date.day()),
               std::chrono::weekday{days}.c_encoding(),
               time.hours().count(),
               time.minutes().count(),
               time.seconds().count()};
}

constexpr const char* kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string FormatRfc822(Timestamp t) {
  const Civil c = ToCivil(t);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", kDayNames[c.weekday], c.day,
                     kMonthNames[c.month - 1], c.year, c.hours, c.minutes, c.seconds);
}

std::string FormatRfc3339(Timestamp t) {
  const Civil c = ToCivil(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hours, c.minutes,
                     c.seconds);
}

}  // namespace gazette::feeds
