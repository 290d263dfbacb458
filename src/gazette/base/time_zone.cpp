#include "gazette/base/time_zone.hpp"

#include <fmt/format.h>
#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/unistr.h>

namespace gazette {
namespace {

using std::chrono::days;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Longer than any IANA name ("America/Argentina/ComodRivadavia" is 32); bounds what we echo in messages.
constexpr std::size_t kMaxZoneNameBytes = 64;

// Years a LocalDate may name: four digits in ISO form, and far from the edges of std::chrono's range.
constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;

const icu::TimeZone& Icu(const std::shared_ptr<const void>& impl) {
  return *static_cast<const icu::TimeZone*>(impl.get());
}

UDate ToUDate(Timestamp t) {
  return static_cast<UDate>(ToUnix(t)) * 1000.0;
}

seconds MillisToSeconds(std::int64_t ms) {
  return std::chrono::floor<seconds>(std::chrono::milliseconds{ms});
}

LocalDate FromDays(sys_days d) {
  const year_month_day ymd{d};
  return LocalDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

sys_days ToDays(const LocalDate& d) {
  return sys_days{std::chrono::year{d.year} / std::chrono::month{static_cast<unsigned>(d.month)} /
                  std::chrono::day{static_cast<unsigned>(d.day)}};
}

bool IsValid(const LocalDate& d) {
  if (d.year < kMinYear || d.year > kMaxYear || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
    return false;
  }
  return year_month_day{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                        std::chrono::day{static_cast<unsigned>(d.day)}}
      .ok();
}

// The value of a run of ASCII digits; -1 when any character is not a digit (no sign, no spaces).
int ParseDigits(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

Error UnknownZone(std::string_view name) {
  return MakeError(
      ErrorCode::kInvalid,
      fmt::format("\"{}\" is not a known time zone (use an IANA name such as Europe/London or UTC)",
                  name.substr(0, kMaxZoneNameBytes)));
}

}  // namespace

std::string LocalDate::ToIso() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Result<LocalDate> LocalDate::ParseIso(std::string_view text) {
  auto invalid = [&] {
    const std::string_view shown = text.substr(0, 32);
    return MakeError(ErrorCode::kInvalid, fmt::format("\"{}\" is not a date of the form YYYY-MM-DD", shown));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return invalid();
  const LocalDate date{ParseDigits(text.substr(0, 4)), ParseDigits(text.substr(5, 2)),
                       ParseDigits(text.substr(8, 2))};
  if (!IsValid(date)) return invalid();
  return date;
}

LocalDate LocalDate::NextDay() const {
  return FromDays(ToDays(*this) + days{1});
}

LocalDate LocalDate::PreviousDay() const {
  return FromDays(ToDays(*this) - days{1});
}

Result<TimeZone> TimeZone::Load(std::string_view iana_name) {
  if (iana_name.empty() || iana_name.size() > kMaxZoneNameBytes) return UnknownZone(iana_name);
  const icu::UnicodeString id = icu::UnicodeString::fromUTF8(
      icu::StringPiece(iana_name.data(), static_cast<int32_t>(iana_name.size())));
  std::shared_ptr<const icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  // ICU never fails here: an unknown ID yields a copy of "Etc/Unknown", which behaves like UTC.
  icu::UnicodeString resolved;
  if (!zone || zone->getID(resolved) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) {
    return UnknownZone(iana_name);
  }
  return TimeZone(std::string(iana_name), std::move(zone));
}

TimeZone TimeZone::Utc() {
  static const std::shared_ptr<const icu::TimeZone> utc(icu::TimeZone::getGMT()->clone());
  return TimeZone("UTC", utc);
}

seconds TimeZone::UtcOffset(Timestamp t) const {
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0;
  int32_t dst = 0;
  Icu(impl_).getOffset(ToUDate(t), /*local=*/false, raw, dst, status);
  if (U_FAILURE(status)) return seconds{0};
  return MillisToSeconds(std::int64_t{raw} + dst);
}

LocalDate TimeZone::DateOf(Timestamp t) const {
  const Timestamp local = t + UtcOffset(t);
  return FromDays(std::chrono::floor<days>(local));
}

Timestamp TimeZone::StartOfDay(LocalDate d) const {
  return AtLocalTime(d, seconds{0});
}

Timestamp TimeZone::AtLocalTime(LocalDate d, seconds time_of_day) const {
  const Timestamp local{Timestamp{ToDays(d)} + time_of_day};
  const icu::TimeZone& zone = Icu(impl_);
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0;
  int32_t dst = 0;
  if (const auto* basic = dynamic_cast<const icu::BasicTimeZone*>(&zone)) {
    // FORMER for a skipped time reads it with the offset before the jump, which puts a skipped midnight
    // exactly on the transition: the first instant that belongs to the day. FORMER for a repeated time
    // takes the earlier of the two.
    basic->getOffsetFromLocal(ToUDate(local), UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst, status);
  } else {
    zone.getOffset(ToUDate(local), /*local=*/true, raw, dst, status);
  }
  if (U_FAILURE(status)) return local;
  return local - MillisToSeconds(std::int64_t{raw} + dst);
}

}  // namespace gazette
