#pragma once
/// RateLimiter: at most N comments per sender in a sliding window, counted in memory. Memory is bounded:
/// senders whose window has passed are forgotten, and the table holds at most kMaxRateLimitSenders.

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "gazette/base/clock.hpp"

namespace gazette::comments {

/// A busy site sees a few thousand commenters in ten minutes; far more is a flood, and then the oldest
/// entries are dropped rather than memory growing without end.
inline constexpr std::size_t kMaxRateLimitSenders = 100000;

/// Thread-safe.
class RateLimiter {
 public:
  RateLimiter(int max_events, std::chrono::seconds window) : max_events_(max_events), window_(window) {}

  /// Records an event of sender at now and returns true, or returns false (recording nothing) when sender
  /// already had max_events in the window ending at now.
  bool TryAcquire(std::string_view sender, Timestamp now);

 private:
  void ForgetExpired(Timestamp now);

  const int max_events_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Timestamp>> events_;
  Timestamp last_sweep_{};
};

}  // namespace gazette::comments
