#pragma once
/// Dates and times as editors read and type them: local to the site's time zone, in the form an HTML
/// datetime-local field uses ("2026-03-29T09:30").

#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"

namespace gazette::editorial {

/// "YYYY-MM-DDTHH:MM", with a space instead of the T and optional ":SS" also accepted, read as the site's
/// local time (see TimeZone::AtLocalTime for the hours a DST change skips or repeats). kInvalid with a
/// message for people otherwise.
Result<Timestamp> ParseLocalDateTime(std::string_view text, const TimeZone& zone);

/// t in the site's local time as "YYYY-MM-DDTHH:MM" (seconds dropped): what ParseLocalDateTime reads.
std::string FormatLocalDateTime(Timestamp t, const TimeZone& zone);

}  // namespace gazette::editorial
