#pragma once
/// LiveSettings: the site settings in effect, changed while the server runs. Readers take the current
/// snapshot once per request and use it to the end of that request; a change swaps in a whole new
/// snapshot, so that a request never sees half of one change.

#include <atomic>
#include <memory>
#include <string>

#include "gazette/base/time_zone.hpp"
#include "gazette/settings/site_snapshot.hpp"

namespace gazette::settings {

/// Thread-safe: any thread may read while another replaces.
class LiveSettings {
 public:
  /// Precondition: first is not null.
  explicit LiveSettings(std::shared_ptr<const SiteSnapshot> first) : current_(std::move(first)) {}
  LiveSettings(const LiveSettings&) = delete;
  LiveSettings& operator=(const LiveSettings&) = delete;

  /// The snapshot in effect; it stays valid as long as the caller holds it, also after a Replace.
  std::shared_ptr<const SiteSnapshot> Current() const { return current_.load(std::memory_order_acquire); }
  /// Puts next in effect for every later Current(). Precondition: next is not null.
  void Replace(std::shared_ptr<const SiteSnapshot> next) {
    current_.store(std::move(next), std::memory_order_release);
  }

 private:
  std::atomic<std::shared_ptr<const SiteSnapshot>> current_;
};

/// The dates of whatever snapshot is in effect at each call: for code that formats an instant or two and
/// holds no snapshot (the back office's screens). Format and IsoDate as render::DateFormatter's.
class LiveDates {
 public:
  explicit LiveDates(const LiveSettings& live) : live_(live) {}

  std::string Format(Timestamp t) const { return live_.Current()->dates.Format(t); }
  std::string IsoDate(Timestamp t) const { return live_.Current()->dates.IsoDate(t); }
  /// A copy: the snapshot it came from may be replaced at any moment.
  TimeZone zone() const { return live_.Current()->dates.zone(); }

 private:
  const LiveSettings& live_;
};

}  // namespace gazette::settings
