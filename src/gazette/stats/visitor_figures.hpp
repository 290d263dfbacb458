#pragma once
/// VisitorFigures: the Today / Yesterday / All numbers every page shows, read from the StatsStore at most
/// once per refresh interval so that a page view costs no database query for them.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

#include "gazette/base/clock.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/storage/stats_store.hpp"

namespace gazette::stats {

/// Thread-safe. Figures are at most one refresh interval old.
class VisitorFigures {
 public:
  /// The figures shown may lag the store by this much: the counter is live "to the second".
  static constexpr std::chrono::seconds kRefreshInterval{1};

  VisitorFigures(storage::StatsStore& store, const Clock& clock, TimeZone zone, std::int64_t initial_total);

  /// Today's, yesterday's and all-time figures (all includes initial_total). On a store error the last
  /// known figures are returned, so that a page is never refused for its counter.
  storage::VisitorTotals Current();

 private:
  storage::StatsStore& store_;
  const Clock& clock_;
  TimeZone zone_;
  std::int64_t initial_total_;
  std::mutex refresh_mutex_;  ///< taken only by the one request that refreshes, once per interval
  std::atomic<std::int64_t> next_refresh_unix_{0};
  std::atomic<std::int64_t> today_{0};
  std::atomic<std::int64_t> yesterday_{0};
  std::atomic<std::int64_t> all_{0};
};

}  // namespace gazette::stats
