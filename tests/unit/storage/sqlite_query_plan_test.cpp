// The list and lookup queries are driven by indexes in publication order: no full scan of articles and
// no temporary B-tree to sort (checked with EXPLAIN QUERY PLAN on a migrated database).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "gazette/storage/sqlite/stats_queries.hpp"
#include "support/temp_dir.hpp"

namespace gazette::storage {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class SqliteQueryPlan : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(OpenSqliteStorage(dir_ / "gazette.db", SqliteOpenMode::kCreate).ok());
    db_ = std::make_unique<SQLite::Database>((dir_ / "gazette.db").string(), SQLite::OPEN_READWRITE);
  }

  /// The plan's lines joined by newlines.
  std::string Plan(const std::string& sql) {
    SQLite::Statement plan(*db_, "EXPLAIN QUERY PLAN " + sql);
    std::string out;
    while (plan.executeStep()) out += plan.getColumn(3).getString() + "\n";
    return out;
  }

  std::string ListPlan(const ArticleFilter& filter) {
    return Plan(sqlite::article_sql::ListShape::Of(filter).Sql());
  }

  gazette::testing::TempDir dir_;
  std::unique_ptr<SQLite::Database> db_;
};

/// The page's ids come from `index` in order (no sort, no scan of articles or article_tags); only the
/// outer query, over at most LIMIT rows, may sort, and it reads articles, categories and authors by key.
void ExpectIndexedAndSorted(const std::string& plan, const std::string& index) {
  const std::size_t outer = plan.find("SCAN p\n");
  ASSERT_NE(outer, std::string::npos) << plan;
  const std::string inner = plan.substr(0, outer);
  EXPECT_THAT(inner, HasSubstr(index)) << plan;
  EXPECT_THAT(inner, Not(HasSubstr("TEMP B-TREE"))) << plan;
  EXPECT_THAT(plan, Not(HasSubstr("SCAN a"))) << plan;
  EXPECT_THAT(plan, Not(HasSubstr("SCAN t"))) << plan;
  EXPECT_THAT(plan.substr(outer), HasSubstr("SEARCH a USING INTEGER PRIMARY KEY")) << plan;
  EXPECT_THAT(plan.substr(outer), HasSubstr("SEARCH c USING INTEGER PRIMARY KEY")) << plan;
  EXPECT_THAT(plan.substr(outer), HasSubstr("SEARCH u USING INTEGER PRIMARY KEY")) << plan;
}

TEST_F(SqliteQueryPlan, FrontPageListUsesThePublishIndex) {
  ArticleFilter front;
  front.exclude_ids = {1, 2, 3};
  ExpectIndexedAndSorted(ListPlan(front), "articles_visible (");
}

TEST_F(SqliteQueryPlan, CategoryListUsesTheCategoryIndex) {
  ArticleFilter f;
  f.category_id = 1;
  ExpectIndexedAndSorted(ListPlan(f), "articles_visible_by_category");
}

TEST_F(SqliteQueryPlan, AuthorListUsesTheAuthorIndex) {
  ArticleFilter f;
  f.author_id = 1;
  ExpectIndexedAndSorted(ListPlan(f), "articles_visible_by_author");
}

TEST_F(SqliteQueryPlan, TagListUsesTheTagIndex) {
  ArticleFilter f;
  f.tag_id = 1;
  ExpectIndexedAndSorted(ListPlan(f), "article_tags_by_tag");
}

TEST_F(SqliteQueryPlan, ArchiveRangeUsesThePublishIndex) {
  ArticleFilter f;
  f.published_from = TimestampFromUnix(0);
  f.published_before = TimestampFromUnix(100);
  ExpectIndexedAndSorted(ListPlan(f), "articles_visible (");
}

TEST_F(SqliteQueryPlan, SlugLookupUsesTheUniqueIndex) {
  const std::string plan = Plan(std::string("SELECT ") + sqlite::article_sql::kArticleColumns +
                                " FROM articles a" + sqlite::article_sql::kJoinAuthorAndCategory +
                                " WHERE a.slug = ?2 AND " + sqlite::article_sql::kVisible);
  EXPECT_THAT(plan, HasSubstr("sqlite_autoindex_articles")) << plan;
  EXPECT_THAT(plan, Not(HasSubstr("SCAN"))) << plan;
}

TEST_F(SqliteQueryPlan, MostReadSumsOnlyTheRangeFromThePrimaryKey) {
  const std::string plan = Plan(sqlite::stats_sql::TopArticlesSql());
  EXPECT_THAT(plan, HasSubstr("SEARCH article_daily_hits USING PRIMARY KEY (day>? AND day<?)")) << plan;
  EXPECT_THAT(plan, Not(HasSubstr("SCAN article_daily_hits"))) << plan;
  EXPECT_THAT(plan, Not(HasSubstr("SCAN a"))) << plan;
  EXPECT_THAT(plan, HasSubstr("SEARCH a USING INTEGER PRIMARY KEY")) << plan;
  EXPECT_THAT(plan, HasSubstr("SEARCH c USING INTEGER PRIMARY KEY")) << plan;
  EXPECT_THAT(plan, HasSubstr("SEARCH u USING INTEGER PRIMARY KEY")) << plan;
}

TEST_F(SqliteQueryPlan, StartingADayNeverReadsTheIdentitiesItKeeps) {
  // A restart on a day with a million identities must seek past them, not scan them to delete nothing.
  for (const auto* table :
       {&sqlite::stats_sql::kVisitorSql, &sqlite::stats_sql::kBotSql, &sqlite::stats_sql::kBatchSql}) {
    for (const char* sql : {table->any_of_day, table->delete_earlier, table->delete_later, table->of_day}) {
      const std::string plan = Plan(sql);
      EXPECT_THAT(plan,
                  ::testing::AnyOf(HasSubstr("USING PRIMARY KEY (day"),
                                   HasSubstr("USING COVERING INDEX visitor_identity_batches_by_day (day"),
                                   HasSubstr("USING INDEX visitor_identity_batches_by_day (day")))
          << sql << "\n"
          << plan;
      EXPECT_THAT(plan, Not(HasSubstr(std::string("SCAN ") + table->table))) << sql << "\n" << plan;
    }
  }
}

TEST_F(SqliteQueryPlan, DeletingAnArticleFindsItsDailyHitsByIndex) {
  // What ON DELETE CASCADE runs for each deleted article.
  const std::string plan = Plan("DELETE FROM article_daily_hits WHERE article_id = ?1");
  EXPECT_THAT(plan, HasSubstr("article_daily_hits_by_article")) << plan;
}

/// The editors' list walks `index` in the requested order: no sort of the whole table, whatever the
/// number of articles; only the outer query sorts its page.
void ExpectEditorsIndex(const std::string& plan, const std::string& index) {
  const std::size_t outer = plan.find("SCAN p\n");
  ASSERT_NE(outer, std::string::npos) << plan;
  const std::string inner = plan.substr(0, outer);
  EXPECT_THAT(inner, HasSubstr(index)) << plan;
  EXPECT_THAT(inner, Not(HasSubstr("TEMP B-TREE"))) << plan;
  EXPECT_THAT(plan.substr(outer), HasSubstr("SEARCH c USING INTEGER PRIMARY KEY")) << plan;
  EXPECT_THAT(plan.substr(outer), HasSubstr("SEARCH u USING INTEGER PRIMARY KEY")) << plan;
}

TEST_F(SqliteQueryPlan, EditorsListWalksAnIndexInOrderForEachFilter) {
  const auto plan = [&](const EditorArticleFilter& f) {
    return Plan(sqlite::article_sql::EditorListShape::Of(f).ListSql());
  };
  EditorArticleFilter all;
  ExpectEditorsIndex(plan(all), "articles_by_updated");
  EditorArticleFilter drafts;
  drafts.state = domain::ArticleState::kDraft;
  ExpectEditorsIndex(plan(drafts), "articles_by_updated");
  EditorArticleFilter in_category;
  in_category.category_id = 3;
  ExpectEditorsIndex(plan(in_category), "articles_by_category_updated");
  EditorArticleFilter by_author;
  by_author.author_id = 3;
  by_author.state = domain::ArticleState::kDraft;
  ExpectEditorsIndex(plan(by_author), "articles_by_author_updated");
  EditorArticleFilter waiting;
  waiting.review_requested_only = true;
  ExpectEditorsIndex(plan(waiting), "articles_review_requested");
  EditorArticleFilter by_title;
  by_title.sort = EditorSort::kTitle;
  by_title.descending = false;
  ExpectEditorsIndex(plan(by_title), "articles_by_title");
  EditorArticleFilter by_date;
  by_date.sort = EditorSort::kPublishAt;
  ExpectEditorsIndex(plan(by_date), "articles_by_publish");
}

TEST_F(SqliteQueryPlan, DeletingACategoryOrTagAndListingRevisionsUseIndexes) {
  EXPECT_THAT(Plan("SELECT count(*) FROM articles WHERE category_id = ?1"),
              HasSubstr("articles_by_category_updated"));
  EXPECT_THAT(Plan("SELECT count(*) FROM article_tags t WHERE t.tag_id = ?1"),
              HasSubstr("article_tags_by_tag"));
  const std::string revisions =
      Plan("SELECT id FROM article_revisions WHERE article_id = ?1 ORDER BY version DESC");
  EXPECT_THAT(revisions, HasSubstr("sqlite_autoindex_article_revisions")) << revisions;
  EXPECT_THAT(revisions, Not(HasSubstr("TEMP B-TREE"))) << revisions;
  const std::string prefix =
      Plan("SELECT id FROM tags WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name COLLATE NOCASE, id");
  EXPECT_THAT(prefix, HasSubstr("tags_by_name")) << prefix;
}

}  // namespace
}  // namespace gazette::storage
