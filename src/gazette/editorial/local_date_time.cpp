#include "gazette/editorial/local_date_time.hpp"

#include <fmt/format.h>

namespace gazette::editorial {
namespace {

// The value of two ASCII digits; -1 otherwise.
int TwoDigits(std::string_view text) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') return -1;
  return (text[0] - '0') * 10 + (text[1] - '0');
}

}  // namespace

Result<Timestamp> ParseLocalDateTime(std::string_view text, const TimeZone& zone) {
  const auto invalid = [&] {
    return MakeError(ErrorCode::kInvalid, fmt::format("\"{}\" is not a date and time of the form "
                                                      "YYYY-MM-DD HH:MM",
                                                      text.substr(0, 40)));
  };
  if ((text.size() != 16 && text.size() != 19) || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
    return invalid();
  }
  Result<LocalDate> date = LocalDate::ParseIso(text.substr(0, 10));
  if (!date.ok()) return invalid();
  const int hour = TwoDigits(text.substr(11, 2));
  const int minute = TwoDigits(text.substr(14, 2));
  int second = 0;
  if (text.size() == 19) {
    if (text[16] != ':') return invalid();
    second = TwoDigits(text.substr(17, 2));
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return invalid();
  return zone.AtLocalTime(
      *date, std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second});
}

std::string FormatLocalDateTime(Timestamp t, const TimeZone& zone) {
  const Timestamp local = t + zone.UtcOffset(t);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{local - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     time.hours().count(), time.minutes().count());
}

}  // namespace gazette::editorial
