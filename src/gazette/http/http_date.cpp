#include "gazette/http/http_date.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace gazette::http {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 7> kLongWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                           "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// Reads exactly `digits` decimal digits (a leading space allowed when pad_space, for asctime days).
bool ReadNumber(std::string_view& text, std::size_t digits, int& out, bool pad_space = false) {
  if (text.size() < digits) return false;
  out = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[i];
    if (pad_space && i == 0 && c == ' ') continue;
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  text.remove_prefix(digits);
  return true;
}

bool Expect(std::string_view& text, std::string_view literal) {
  if (text.substr(0, literal.size()) != literal) return false;
  text.remove_prefix(literal.size());
  return true;
}

bool ReadMonth(std::string_view& text, int& month) {
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (Expect(text, kMonths[i])) {
      month = static_cast<int>(i) + 1;
      return true;
    }
  }
  return false;
}

bool ReadTime(std::string_view& text, int& hour, int& minute, int& second) {
  return ReadNumber(text, 2, hour) && Expect(text, ":") && ReadNumber(text, 2, minute) && Expect(text, ":") &&
         ReadNumber(text, 2, second);
}

template <std::size_t N>
bool ReadWeekday(std::string_view& text, const std::array<std::string_view, N>& names) {
  for (const auto name : names) {
    if (Expect(text, name)) return true;
  }
  return false;
}

std::optional<Timestamp> Build(int year, int month, int day, int hour, int minute, int second) {
  using namespace std::chrono;
  const year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  return Timestamp{sys_days{date}.time_since_epoch() + hours{hour} + minutes{minute} +
                   seconds{second == 60 ? 59 : second}};
}

}  // namespace

std::string FormatHttpDate(Timestamp t) {
  using namespace std::chrono;
  const auto day_point = floor<days>(t);
  const year_month_day date{day_point};
  const hh_mm_ss time{t - day_point};
  const weekday wd{day_point};
  char buffer[32];
  const int n = std::snprintf(
      buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d GMT", kWeekdays[wd.c_encoding()].data(),
      static_cast<unsigned>(date.day()), kMonths[static_cast<unsigned>(date.month()) - 1].data(),
      static_cast<int>(date.year()), static_cast<int>(time.hours().count()),
      static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return std::string(buffer, static_cast<std::size_t>(n));
}

std::optional<Timestamp> ParseHttpDate(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::string_view rest = text;
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (ReadWeekday(rest, kWeekdays) && Expect(rest, ", ") && ReadNumber(rest, 2, day) && Expect(rest, " ") &&
      ReadMonth(rest, month) && Expect(rest, " ") && ReadNumber(rest, 4, year) && Expect(rest, " ") &&
      ReadTime(rest, hour, minute, second) && rest == " GMT") {
    return Build(year, month, day, hour, minute, second);
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year that looks more than 50 years ahead is in
  // the past century (RFC 9110 section 5.6.7).
  rest = text;
  if (ReadWeekday(rest, kLongWeekdays) && Expect(rest, ", ") && ReadNumber(rest, 2, day) &&
      Expect(rest, "-") && ReadMonth(rest, month) && Expect(rest, "-") && ReadNumber(rest, 2, year) &&
      Expect(rest, " ") && ReadTime(rest, hour, minute, second) && rest == " GMT") {
    year += 2000;
    const auto now =
        std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    if (year > static_cast<int>(now.year()) + 50) year -= 100;
    return Build(year, month, day, hour, minute, second);
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  rest = text;
  if (ReadWeekday(rest, kWeekdays) && Expect(rest, " ") && ReadMonth(rest, month) && Expect(rest, " ") &&
      ReadNumber(rest, 2, day, /*pad_space=*/true) && Expect(rest, " ") &&
      ReadTime(rest, hour, minute, second) && Expect(rest, " ") && ReadNumber(rest, 4, year) &&
      rest.empty()) {
    return Build(year, month, day, hour, minute, second);
  }
  return std::nullopt;
}

}  // namespace gazette::http
