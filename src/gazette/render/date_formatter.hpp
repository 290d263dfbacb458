#pragma once
/// DateFormatter: instants shown to readers, in the site's time zone, language and ICU pattern
/// ("EEEE, d.MM.yyyy" renders 2 January 2026 as "Friday, 2.01.2026").

#include <memory>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"

namespace gazette::render {

/// Immutable after Create; Format is thread-safe.
class DateFormatter {
 public:
  /// kInvalid with a message naming the pattern or language when ICU refuses them.
  static Result<DateFormatter> Create(std::string_view icu_pattern, std::string_view language, TimeZone zone);

  DateFormatter(DateFormatter&&) noexcept;
  DateFormatter& operator=(DateFormatter&&) noexcept;
  ~DateFormatter();

  std::string Format(Timestamp t) const;
  /// Local date of t as "YYYY-MM-DD" (for <time datetime>).
  std::string IsoDate(Timestamp t) const;
  const TimeZone& zone() const;

 private:
  DateFormatter();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::render
