#pragma once
/// Clock: the one source of "now". Production uses SystemClock; tests pass a ManualClock so that
/// scheduling, day rollover and caching can be tested without sleeping.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace gazette {

/// Seconds since the Unix epoch, UTC. All stored instants use this resolution.
using Timestamp = std::chrono::sys_seconds;

inline Timestamp TimestampFromUnix(std::int64_t seconds) { return Timestamp{std::chrono::seconds{seconds}}; }
inline std::int64_t ToUnix(Timestamp t) { return t.time_since_epoch().count(); }

class Clock {
 public:
  virtual ~Clock() = default;
  /// Thread-safe.
  virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

/// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_(ToUnix(start)) {}
  Timestamp Now() const override { return TimestampFromUnix(now_.load()); }
  void Set(Timestamp t) { now_.store(ToUnix(t)); }
  void Advance(std::chrono::seconds by) { now_.fetch_add(by.count()); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace gazette
