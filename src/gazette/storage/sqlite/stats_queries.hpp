#pragma once
/// The SQL of the stats store, in one place, so that the query-plan tests check the very text the store
/// runs. Days are bound as 'YYYY-MM-DD' text; identity hashes as the same 64 bits in a signed integer.

#include <string>

namespace gazette::storage::sqlite::stats_sql {

/// ?1 today, ?2 yesterday.
inline constexpr const char* kTotals =
    "SELECT (SELECT visitors FROM daily_stats WHERE day = ?1), "
    "(SELECT visitors FROM daily_stats WHERE day = ?2), "
    "(SELECT coalesce(sum(visitors), 0) FROM daily_stats)";

/// ?1 first day, ?2 last day (inclusive).
inline constexpr const char* kSumVisitors =
    "SELECT coalesce(sum(visitors), 0) FROM daily_stats WHERE day >= ?1 AND day <= ?2";
inline constexpr const char* kHistory =
    "SELECT day, visitors, page_views FROM daily_stats WHERE day >= ?1 AND day <= ?2 ORDER BY day";

/// ?1 day, ?2 visitors, ?3 page views: the flusher sends absolute figures, so they replace the stored ones.
inline constexpr const char* kUpsertDay =
    "INSERT INTO daily_stats (day, visitors, page_views) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (day) DO UPDATE SET visitors = excluded.visitors, page_views = excluded.page_views";

/// ?1 day: whether BeginDay started it (its salt is stored).
inline constexpr const char* kDayStarted = "SELECT 1 FROM visitor_salts WHERE day = ?1";

/// Statements over a table of per-day private state (?1 is the day), used by BeginDay to keep only the day.
struct DayScopedSql {
  const char* table;
  const char* any_of_day;  ///< whether the day has rows
  /// DELETE without WHERE: SQLite frees the table's pages whole instead of deleting a million rows one by
  /// one at midnight.
  const char* clear;
  /// Two ranges around the day rather than `day <> ?1`, so that a restart on a day with a million
  /// identities seeks past them instead of reading every one to delete nothing.
  const char* delete_earlier;
  const char* delete_later;
  const char* of_day;  ///< the day's identities (0002's tables: hash; the batch log: kind, hashes)
};

/// 0002's tables, one row per identity: only read now (for the day they were written on), then deleted
/// with their day. The batch log below replaced them.
inline constexpr DayScopedSql kVisitorSql{
    "visitor_identities",
    "SELECT EXISTS (SELECT 1 FROM visitor_identities WHERE day = ?1)",
    "DELETE FROM visitor_identities",
    "DELETE FROM visitor_identities WHERE day < ?1",
    "DELETE FROM visitor_identities WHERE day > ?1",
    "SELECT hash FROM visitor_identities WHERE day = ?1",
};
inline constexpr DayScopedSql kBotSql{
    "bot_identities",
    "SELECT EXISTS (SELECT 1 FROM bot_identities WHERE day = ?1)",
    "DELETE FROM bot_identities",
    "DELETE FROM bot_identities WHERE day < ?1",
    "DELETE FROM bot_identities WHERE day > ?1",
    "SELECT hash FROM bot_identities WHERE day = ?1",
};

/// The identity log (migration 0003): one row per flush and kind, the identities packed in a blob.
inline constexpr DayScopedSql kBatchSql{
    "visitor_identity_batches",
    "SELECT EXISTS (SELECT 1 FROM visitor_identity_batches WHERE day = ?1)",
    "DELETE FROM visitor_identity_batches",
    "DELETE FROM visitor_identity_batches WHERE day < ?1",
    "DELETE FROM visitor_identity_batches WHERE day > ?1",
    "SELECT kind, hashes FROM visitor_identity_batches WHERE day = ?1 ORDER BY id",
};
/// ?1 day, ?2 kind ('visitor' or 'bot'), ?3 the identities as 8-byte little-endian integers.
inline constexpr const char* kAppendIdentities =
    "INSERT INTO visitor_identity_batches (day, kind, hashes) VALUES (?1, ?2, ?3)";
inline constexpr const char* kVisitorKind = "visitor";
inline constexpr const char* kBotKind = "bot";

/// ?1 article id, ?2 hits to add. No row changes when the article was deleted meanwhile.
inline constexpr const char* kAddArticleHits = "UPDATE articles SET hits = hits + ?2 WHERE id = ?1";
/// ?1 day, ?2 article id, ?3 hits to add.
inline constexpr const char* kAddDailyArticleHits =
    "INSERT INTO article_daily_hits (day, article_id, hits) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (day, article_id) DO UPDATE SET hits = hits + excluded.hits";

/// ?1 the day to keep (a table of a row or two).
inline constexpr const char* kDeleteOtherSalts = "DELETE FROM visitor_salts WHERE day <> ?1";

/// ?1 day.
inline constexpr const char* kSalt = "SELECT salt FROM visitor_salts WHERE day = ?1";
/// ?1 day, ?2 salt.
inline constexpr const char* kInsertSalt = "INSERT INTO visitor_salts (day, salt) VALUES (?1, ?2)";
inline constexpr const char* kPageViews = "SELECT page_views FROM daily_stats WHERE day = ?1";

/// ?1 now, ?2 first day, ?3 last day (inclusive), ?4 limit. Sums the range's hits per article from the
/// primary key of article_daily_hits, keeps the visible articles, ranks by hits then newest first. Columns:
/// article_sql::kSummaryColumns, then the summed hits.
std::string TopArticlesSql();

}  // namespace gazette::storage::sqlite::stats_sql
