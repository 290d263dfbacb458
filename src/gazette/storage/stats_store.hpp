#pragma once
/// StatsStore: the stored visitor figures behind the Today / Yesterday / All counter.

#include <cstdint>

#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"

namespace gazette::storage {

struct VisitorTotals {
  std::int64_t today = 0;
  std::int64_t yesterday = 0;
  std::int64_t all = 0;  ///< sum of every stored day (an imported total is added by the caller)
};

/// Thread-safe.
class StatsStore {
 public:
  virtual ~StatsStore() = default;
  /// Visitors stored for `today`, the day before, and in all.
  virtual Result<VisitorTotals> Totals(LocalDate today) = 0;
};

}  // namespace gazette::storage
