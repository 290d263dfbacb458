#include "gazette/stats/visitor_figures.hpp"

namespace gazette::stats {

VisitorFigures::VisitorFigures(storage::StatsStore& store, const Clock& clock, TimeZone zone,
                               std::int64_t initial_total)
    : store_(store), clock_(clock), zone_(std::move(zone)), initial_total_(initial_total) {}

storage::VisitorTotals VisitorFigures::Current() {
  const std::int64_t now = ToUnix(clock_.Now());
  if (now >= next_refresh_unix_.load(std::memory_order_acquire)) {
    // try_lock: while one request refreshes, the others show the previous figures instead of waiting.
    std::unique_lock lock(refresh_mutex_, std::try_to_lock);
    if (lock.owns_lock() && now >= next_refresh_unix_.load(std::memory_order_relaxed)) {
      auto totals = store_.Totals(zone_.DateOf(TimestampFromUnix(now)));
      if (totals.ok()) {
        today_.store(totals->today, std::memory_order_relaxed);
        yesterday_.store(totals->yesterday, std::memory_order_relaxed);
        all_.store(totals->all + initial_total_, std::memory_order_relaxed);
      }
      next_refresh_unix_.store(now + kRefreshInterval.count(), std::memory_order_release);
    }
  }
  return storage::VisitorTotals{today_.load(std::memory_order_relaxed), yesterday_.load(std::memory_order_relaxed),
                                all_.load(std::memory_order_relaxed)};
}

}  // namespace gazette::stats
