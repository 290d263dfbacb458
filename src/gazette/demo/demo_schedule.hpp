#pragma once
/// When each demo article is published: spread evenly-ish from 2001-01-01 to the day before yesterday,
/// several yesterday and today (before `now`), a few scheduled for tomorrow and next week, and which ones
/// are featured. Oldest first, so that ids grow with publication time.

#include <cstdint>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/domain/article.hpp"

namespace gazette::demo {

struct ScheduledSlot {
  Timestamp publish_at{};
  domain::ArticleState state = domain::ArticleState::kPublished;
  int featured_order = 0;  ///< 0: not featured; 1 is the lead
};

/// The first day of the demo archive.
inline constexpr LocalDate kDemoFirstDay{2001, 1, 1};

/// count >= 1; now must be after kDemoFirstDay. Deterministic from its arguments.
std::vector<ScheduledSlot> PlanSchedule(std::int64_t count, std::uint64_t seed, Timestamp now,
                                        const TimeZone& zone);

}  // namespace gazette::demo
