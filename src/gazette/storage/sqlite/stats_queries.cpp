#include "gazette/storage/sqlite/stats_queries.hpp"

#include <fmt/format.h>

#include "gazette/storage/sqlite/article_queries.hpp"

namespace gazette::storage::sqlite::stats_sql {

std::string TopArticlesSql() {
  // The inner query reads only the range's rows and yields one row per article hit in it; the outer one
  // reads each of those articles by key, applies the visibility rule and sorts (a few thousand rows at most
  // for a week of a busy site).
  return fmt::format(
      "SELECT {}, h.total FROM (SELECT article_id AS id, sum(hits) AS total FROM article_daily_hits "
      "WHERE day >= ?2 AND day <= ?3 GROUP BY article_id) AS h CROSS JOIN articles a ON a.id = h.id{} "
      "WHERE {} ORDER BY h.total DESC, a.publish_at DESC, a.id DESC LIMIT ?4",
      article_sql::kSummaryColumns, article_sql::kJoinAuthorAndCategory, article_sql::kVisible);
}

}  // namespace gazette::storage::sqlite::stats_sql
