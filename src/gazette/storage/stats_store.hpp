#pragma once
/// StatsStore: the stored visitor figures behind the Today / Yesterday / All counter, the daily history,
/// article hits, and the current day's private visitor identities (salt and keyed hashes), which are
/// kept only for that day so that a restart does not count returning visitors again.

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/domain/article.hpp"

namespace gazette::storage {

struct VisitorTotals {
  std::int64_t today = 0;
  std::int64_t yesterday = 0;
  std::int64_t all = 0;  ///< sum of every stored day (an imported total is added by the caller)
};

/// One day of the history, kept for ever.
struct DayFigures {
  LocalDate day;
  std::int64_t visitors = 0;
  std::int64_t page_views = 0;
};

/// The salt of the day's visitor hash: random, never leaves the server, deleted at rollover.
using VisitorSalt = std::array<std::uint8_t, 16>;

/// What the background flusher writes, in one transaction.
struct StatsBatch {
  LocalDate day;                ///< the local day these figures belong to
  std::int64_t visitors = 0;    ///< the day's distinct visitors so far (absolute, replaces the stored value)
  std::int64_t page_views = 0;  ///< the day's page views so far (absolute, replaces the stored value)
  std::vector<std::uint64_t> new_visitor_hashes;  ///< identities first seen since the last batch
  std::vector<std::uint64_t>
      new_bot_hashes;  ///< identities found to be crawlers (robots.txt) since the last batch
  std::vector<std::pair<std::int64_t, std::int64_t>>
      article_hits;  ///< (article id, hits since the last batch)
};

/// An article and its hits over a range of days, for "most read" lists.
struct ArticleHits {
  domain::ArticleSummary article;
  std::int64_t hits = 0;
};

/// The day's stored private state, loaded at start so that a restart continues the day.
struct VisitorDayState {
  VisitorSalt salt{};
  std::vector<std::uint64_t> visitor_hashes;
  std::vector<std::uint64_t> bot_hashes;
  std::int64_t page_views = 0;
};

/// Thread-safe.
class StatsStore {
 public:
  virtual ~StatsStore() = default;

  /// Visitors stored for `today`, the day before, and in all.
  virtual Result<VisitorTotals> Totals(LocalDate today) = 0;

  /// Sum of visitors over [from, to] inclusive (for "this week" and "this month" rows).
  virtual Result<std::int64_t> SumVisitors(LocalDate from, LocalDate to) = 0;

  /// Days in [from, to] inclusive that have figures, oldest first.
  virtual Result<std::vector<DayFigures>> History(LocalDate from, LocalDate to) = 0;

  /// Writes a batch atomically: the day's figures, new identities, article hit increments (both the
  /// article's total and its per-day figure). An identity written twice is returned once by BeginDay;
  /// identities are kept only for the day BeginDay last started (a batch that arrives after the rollover
  /// stores its figures, not its identities). Hits of an article that no longer exists are dropped without
  /// failing the batch. kInvalid (nothing written) for a date off the calendar or a negative figure or hit
  /// count.
  virtual Status Write(const StatsBatch& batch) = 0;

  /// Starts or continues `day`: returns the day's stored salt and identities (each once, in ascending order),
  /// or stores `fresh_salt` as the day's salt when there is none. Salts and identities of every other day are
  /// deleted in the same transaction (they must not outlive their day).
  virtual Result<VisitorDayState> BeginDay(LocalDate day, const VisitorSalt& fresh_salt) = 0;

  /// Visible articles with the most hits over [from, to] inclusive, most first (ties: newest first), at
  /// most limit. Empty when from > to; kInvalid for a limit outside [0, 1000] or a range over 366 days.
  virtual Result<std::vector<ArticleHits>> TopArticles(LocalDate from, LocalDate to, Timestamp now,
                                                       std::int64_t limit) = 0;
};

}  // namespace gazette::storage
