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

/// ?1 day, ?2 hash. DO NOTHING covers only the key conflict (an identity already stored), unlike OR IGNORE,
/// which would also hide a broken constraint.
inline constexpr const char* kInsertVisitor =
    "INSERT INTO visitor_identities (day, hash) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
inline constexpr const char* kInsertBot =
    "INSERT INTO bot_identities (day, hash) VALUES (?1, ?2) ON CONFLICT DO NOTHING";

/// ?1 article id, ?2 hits to add. No row changes when the article was deleted meanwhile.
inline constexpr const char* kAddArticleHits = "UPDATE articles SET hits = hits + ?2 WHERE id = ?1";
/// ?1 day, ?2 article id, ?3 hits to add.
inline constexpr const char* kAddDailyArticleHits =
    "INSERT INTO article_daily_hits (day, article_id, hits) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (day, article_id) DO UPDATE SET hits = hits + excluded.hits";

/// ?1 the day to keep. Two ranges around it rather than `day <> ?1`, so that a restart on a day with a
/// million identities seeks past them instead of reading every one to delete nothing.
inline constexpr const char* kDeleteOtherSalts = "DELETE FROM visitor_salts WHERE day < ?1 OR day > ?1";
inline constexpr const char* kDeleteEarlierVisitors = "DELETE FROM visitor_identities WHERE day < ?1";
inline constexpr const char* kDeleteLaterVisitors = "DELETE FROM visitor_identities WHERE day > ?1";
inline constexpr const char* kDeleteEarlierBots = "DELETE FROM bot_identities WHERE day < ?1";
inline constexpr const char* kDeleteLaterBots = "DELETE FROM bot_identities WHERE day > ?1";

/// ?1 day.
inline constexpr const char* kSalt = "SELECT salt FROM visitor_salts WHERE day = ?1";
/// ?1 day, ?2 salt.
inline constexpr const char* kInsertSalt = "INSERT INTO visitor_salts (day, salt) VALUES (?1, ?2)";
inline constexpr const char* kVisitors = "SELECT hash FROM visitor_identities WHERE day = ?1";
inline constexpr const char* kBots = "SELECT hash FROM bot_identities WHERE day = ?1";
inline constexpr const char* kPageViews = "SELECT page_views FROM daily_stats WHERE day = ?1";

/// ?1 now, ?2 first day, ?3 last day (inclusive), ?4 limit. Sums the range's hits per article from the
/// primary key of article_daily_hits, keeps the visible articles, ranks by hits then newest first. Columns:
/// article_sql::kSummaryColumns, then the summed hits.
std::string TopArticlesSql();

}  // namespace gazette::storage::sqlite::stats_sql
