#pragma once
/// VisitorCounter: counts visits and page views in memory on the request path and writes them to the
/// StatsStore from a background thread at least once per flush interval, in one transaction.
///
/// A visit is one visitor (keyed hash of client IP and User-Agent under the day's salt) on one local day.
/// The request path takes no lock that every request shares: identities go to a striped VisitorSet, page
/// views to per-thread-slot counters, article hits to striped maps. At local midnight the next request
/// switches to a fresh day (new salt, empty set) in memory; the flusher persists the old day's last
/// figures and deletes its salt and identities from the store.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/stats/counter_figures.hpp"
#include "gazette/storage/stats_store.hpp"

namespace gazette::stats {

struct VisitorCounterOptions {
  bool counting = true;             ///< false: record nothing, show the stored figures
  std::int64_t initial_total = 0;   ///< added to All
  /// At most this much counting is lost on a crash (kill -9); the counter shown is never older.
  std::chrono::milliseconds flush_interval{1000};
};

/// Thread-safe.
class VisitorCounter {
 public:
  /// Continues today's figures and identities from the store (so a restart does not count returning
  /// visitors again), then starts the background flusher. Store errors are passed on.
  static Result<std::unique_ptr<VisitorCounter>> Start(storage::StatsStore& store, const Clock& clock,
                                                       TimeZone zone, VisitorCounterOptions options);
  ~VisitorCounter();  ///< Stop()
  VisitorCounter(const VisitorCounter&) = delete;
  VisitorCounter& operator=(const VisitorCounter&) = delete;

  /// A reader's page view; article_id 0 for pages that are not an article. Not counted: an empty
  /// User-Agent, a known bot, an identity that fetched robots.txt today. The caller decides which answers
  /// are page views at all (GET, success, not an asset, feed or API).
  void RecordPageView(std::string_view client_ip, std::string_view user_agent, std::int64_t article_id);

  /// A robots.txt fetch: this identity is a crawler for the rest of the day and is not counted.
  void RecordRobotsTxt(std::string_view client_ip, std::string_view user_agent);

  /// The figures now, from memory: today's are exact to this instant, stored days at most one flush old.
  CounterFigures Current();

  /// Changes the total added to All (VisitorCounterOptions::initial_total) for every later Current(): the
  /// back office's settings change it while the server runs. Nothing stored changes.
  void SetInitialTotal(std::int64_t initial_total);

  /// Writes what is pending now (the flusher does this by itself). Safe to call from any thread.
  Status Flush();

  /// Stops the flusher after a final flush. Idempotent.
  void Stop();

  /// Bytes held by today's visitor identities, for the documented per-visitor bound.
  std::size_t IdentityBytes() const;

 private:
  struct Impl;
  explicit VisitorCounter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::stats
