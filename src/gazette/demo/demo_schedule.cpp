#include "gazette/demo/demo_schedule.hpp"

#include <algorithm>
#include <chrono>

#include "gazette/demo/random.hpp"

namespace gazette::demo {

namespace {

using std::chrono::hours;
using std::chrono::seconds;

constexpr std::uint64_t kScheduleStream = 2;
constexpr std::uint64_t kFeaturedStream = 3;

std::chrono::sys_days ToSysDays(LocalDate d) {
  using namespace std::chrono;
  return sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}};
}

LocalDate FromSysDays(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd{d};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

/// A working-hours instant (07:00-20:00 local) on day d.
Timestamp DuringDay(const TimeZone& zone, LocalDate d, Random& rng) {
  const auto offset = seconds(static_cast<std::int64_t>(rng.Fraction() * 13 * 3600));
  return zone.StartOfDay(d) + hours(7) + offset;
}

/// Picks the featured articles: one of the last week's as the lead, the rest from the whole archive.
void ChooseFeatured(std::vector<ScheduledSlot>& slots, std::size_t visible, std::uint64_t seed,
                    Timestamp now) {
  if (visible == 0) return;
  Random rng = Random::ForItem(seed, kFeaturedStream, 0);
  const std::size_t wanted = std::min<std::size_t>(visible, 3 + rng.Below(3));
  std::size_t recent_begin = visible;
  while (recent_begin > 0 && slots[recent_begin - 1].publish_at >= now - hours(24 * 7)) --recent_begin;
  std::vector<std::size_t> chosen;
  const std::size_t recent = visible - recent_begin;
  chosen.push_back(recent > 0 ? recent_begin + rng.Below(recent) : visible - 1);
  // Bounded: with fewer articles than wanted every one is taken by the loop over `visible` at worst.
  for (std::uint64_t attempt = 0; chosen.size() < wanted && attempt < 1000; ++attempt) {
    const std::size_t candidate = rng.Below(recent_begin > 0 ? recent_begin : visible);
    if (std::find(chosen.begin(), chosen.end(), candidate) == chosen.end()) chosen.push_back(candidate);
  }
  for (std::size_t i = 0; chosen.size() < wanted && i < visible; ++i) {
    if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) chosen.push_back(i);
  }
  // The lead is the newest of the week's; older ones follow in publication order, newest first.
  std::sort(chosen.begin() + 1, chosen.end(), std::greater<>());
  for (std::size_t order = 0; order < chosen.size(); ++order) {
    slots[chosen[order]].featured_order = static_cast<int>(order) + 1;
  }
}

}  // namespace

std::vector<ScheduledSlot> PlanSchedule(std::int64_t count, std::uint64_t seed, Timestamp now,
                                        const TimeZone& zone) {
  const LocalDate today = zone.DateOf(now);
  const LocalDate yesterday = today.PreviousDay();
  const Timestamp start_today = zone.StartOfDay(today);

  // A few scheduled ones (tomorrow morning and afternoon, next week) once the site is big enough to show
  // them appearing; several today and yesterday so that the counters and "latest" look alive.
  const std::int64_t future = count >= 20 ? 3 : 0;
  const std::int64_t remaining = count - future;
  const std::int64_t on_today = std::clamp<std::int64_t>(remaining / 10, 1, 4);
  const std::int64_t on_yesterday =
      std::clamp<std::int64_t>((remaining - on_today) / 10, remaining > 1 ? 1 : 0, 4);
  const std::int64_t spread = remaining - on_today - on_yesterday;

  std::vector<ScheduledSlot> slots;
  slots.reserve(static_cast<std::size_t>(count));

  // Evenly over [kDemoFirstDay, the day before yesterday]; article j on day j * days / spread.
  const auto first = ToSysDays(kDemoFirstDay);
  const std::int64_t days = std::max<std::int64_t>(1, (ToSysDays(yesterday) - first).count());
  std::int64_t cached_day = -1;
  Timestamp cached_start{};
  for (std::int64_t j = 0; j < spread; ++j) {
    Random rng = Random::ForItem(seed, kScheduleStream, static_cast<std::uint64_t>(j));
    const std::int64_t day = j * days / spread;
    if (day != cached_day) {  // StartOfDay asks ICU; consecutive articles share days
      cached_day = day;
      cached_start = zone.StartOfDay(FromSysDays(first + std::chrono::days(day)));
    }
    const auto offset = seconds(static_cast<std::int64_t>(rng.Fraction() * 13 * 3600));
    slots.push_back({cached_start + hours(7) + offset});
  }
  for (std::int64_t j = 0; j < on_yesterday; ++j) {
    Random rng = Random::ForItem(seed, kScheduleStream, static_cast<std::uint64_t>(spread + j));
    slots.push_back({std::min(DuringDay(zone, yesterday, rng), start_today - seconds(1))});
  }
  // Today's are spread between local midnight and now, so that all of them are already visible.
  const auto elapsed = std::max<std::int64_t>(0, ToUnix(now) - ToUnix(start_today));
  for (std::int64_t j = 0; j < on_today; ++j) {
    Random rng =
        Random::ForItem(seed, kScheduleStream, static_cast<std::uint64_t>(spread + on_yesterday + j));
    slots.push_back(
        {start_today + seconds(static_cast<std::int64_t>(rng.Fraction() * static_cast<double>(elapsed)))});
  }
  std::sort(slots.end() - on_today - on_yesterday, slots.end(),
            [](const ScheduledSlot& a, const ScheduledSlot& b) { return a.publish_at < b.publish_at; });

  ChooseFeatured(slots, slots.size(), seed, now);

  if (future > 0) {
    const LocalDate tomorrow = today.NextDay();
    LocalDate next_week = today;
    for (int i = 0; i < 7; ++i) next_week = next_week.NextDay();
    for (const Timestamp at : {zone.StartOfDay(tomorrow) + hours(9), zone.StartOfDay(tomorrow) + hours(15),
                               zone.StartOfDay(next_week) + hours(9)}) {
      slots.push_back({at, domain::ArticleState::kScheduled});
    }
  }
  return slots;
}

}  // namespace gazette::demo
