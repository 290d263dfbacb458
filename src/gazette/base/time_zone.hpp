#pragma once
/// TimeZone: conversions between UTC instants and the site's local calendar (IANA zones via ICU, since
/// GCC 12 has no std::chrono time-zone database). Handles DST: a local day may be 23 or 25 hours long.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"

namespace gazette {

/// A calendar date without a zone.
struct LocalDate {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
  auto operator<=>(const LocalDate&) const = default;
  /// "YYYY-MM-DD".
  std::string ToIso() const;
  /// Parses "YYYY-MM-DD"; kInvalid otherwise.
  static Result<LocalDate> ParseIso(std::string_view text);
  /// The next / previous calendar day.
  LocalDate NextDay() const;
  LocalDate PreviousDay() const;
};

/// Immutable after construction; thread-safe.
class TimeZone {
 public:
  /// Loads an IANA zone ("Europe/London", "UTC"). kInvalid with a message naming the zone when unknown.
  static Result<TimeZone> Load(std::string_view iana_name);
  static TimeZone Utc();

  const std::string& name() const { return name_; }

  /// The local calendar date of instant t.
  LocalDate DateOf(Timestamp t) const;
  /// The first instant of the local day d (local midnight, or the first instant after it when a DST jump
  /// skips midnight). For a day the zone skipped entirely (Pacific/Apia, 2011-12-30) it is the start of
  /// the next day. Precondition: d is a valid date.
  Timestamp StartOfDay(LocalDate d) const;
  /// The instant the site's clocks show `time_of_day` (0 <= time_of_day < 24 h) on local day d. A time
  /// the clocks skip (01:30 when they jump from 01:00 to 02:00) is read with the offset before the jump,
  /// so it lands as far after the jump as it was after 01:00 (02:30); a time shown twice (when clocks go
  /// back) is the earlier of the two. Precondition: d is a valid date.
  Timestamp AtLocalTime(LocalDate d, std::chrono::seconds time_of_day) const;
  /// The offset of local time from UTC at instant t (DST included).
  std::chrono::seconds UtcOffset(Timestamp t) const;

 private:
  TimeZone(std::string name, std::shared_ptr<const void> impl) : name_(std::move(name)), impl_(std::move(impl)) {}
  std::string name_;
  std::shared_ptr<const void> impl_;  ///< icu::TimeZone, opaque here so that ICU stays out of headers
};

}  // namespace gazette
