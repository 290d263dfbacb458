#include "gazette/storage/sqlite/sqlite_article_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>

#include "gazette/domain/slug.hpp"
#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

using article_sql::kArticleColumns;
using article_sql::kJoinAuthorAndCategory;
using article_sql::kSummaryColumns;
using article_sql::kVisible;
using article_sql::ReadArticle;
using article_sql::ReadSummary;

enum Key : std::uint64_t {
  kFeatured = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 200,
  kCount,
  kBySlug,
  kTagsOf,
  kOlder,
  kNewer,
  kNextChange,
  kById,
  kTagIdsOf,
  kInsertArticle,
  kInsertArticleTag,
};

std::string Select(const char* columns, const char* rest) {
  return fmt::format("SELECT {} {}", columns, rest);
}

std::vector<domain::ArticleSummary> ReadSummaries(Statement& s, std::int64_t expected) {
  std::vector<domain::ArticleSummary> rows;
  rows.reserve(static_cast<std::size_t>(std::min<std::int64_t>(expected, kMaxListLimit)));
  while (s.Step()) ReadSummary(s, rows.emplace_back());
  return rows;
}

Status CheckWindow(std::int64_t offset, std::int64_t limit) {
  if (offset < 0 || limit < 0 || limit > kMaxListLimit) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a list window needs offset >= 0 and 0 <= limit <= {}", kMaxListLimit));
  }
  return OkStatus();
}

}  // namespace

Result<std::vector<domain::ArticleSummary>> SqliteArticleStore::ListVisible(const ArticleFilter& filter,
                                                                            Timestamp now,
                                                                            std::int64_t offset,
                                                                            std::int64_t limit) {
  if (Status ok = CheckWindow(offset, limit); !ok.ok()) return std::move(ok).error();
  if (filter.exclude_ids.size() > kMaxExcludeIds) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a list may exclude at most {} articles", kMaxExcludeIds));
  }
  return Guarded(pool_.path(), "read a list of articles",
                 [&]() -> Result<std::vector<domain::ArticleSummary>> {
                   const article_sql::ListShape shape = article_sql::ListShape::Of(filter);
                   Connection& connection = pool_.ForThisThread();
                   ScopedUse s(connection.Cached(shape.Key(), [&shape] { return shape.Sql(); }));
                   s->BindInt(1, ToUnix(now));
                   s->BindInt(2, limit);
                   s->BindInt(3, offset);
                   if (filter.tag_id) s->BindInt(4, *filter.tag_id);
                   if (filter.category_id) s->BindInt(5, *filter.category_id);
                   if (filter.author_id) s->BindInt(6, *filter.author_id);
                   if (filter.published_from) s->BindInt(7, ToUnix(*filter.published_from));
                   if (filter.published_before) s->BindInt(8, ToUnix(*filter.published_before));
                   int parameter = article_sql::kFirstExcludedParameter;
                   for (const std::int64_t id : filter.exclude_ids) s->BindInt(parameter++, id);
                   return ReadSummaries(*s, limit);
                 });
}

Result<std::vector<domain::ArticleSummary>> SqliteArticleStore::ListFeatured(Timestamp now,
                                                                             std::int64_t limit) {
  if (Status ok = CheckWindow(0, limit); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "read the featured articles",
                 [&]() -> Result<std::vector<domain::ArticleSummary>> {
                   Connection& connection = pool_.ForThisThread();
                   ScopedUse s(connection.Cached(kFeatured, [] {
                     return fmt::format(
                         "SELECT {} FROM articles a{} WHERE a.featured = 1 AND {} "
                         "ORDER BY a.featured_order, a.publish_at DESC, a.id DESC LIMIT ?2",
                         kSummaryColumns, kJoinAuthorAndCategory, kVisible);
                   }));
                   s->BindInt(1, ToUnix(now));
                   s->BindInt(2, limit);
                   return ReadSummaries(*s, limit);
                 });
}

Result<std::int64_t> SqliteArticleStore::CountVisible(Timestamp from, Timestamp before, Timestamp now) {
  return Guarded(pool_.path(), "count articles", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kCount, [] {
      return fmt::format(
          "SELECT count(*) FROM articles a WHERE {} AND a.publish_at >= ?2 AND a.publish_at < ?3", kVisible);
    }));
    s->BindInt(1, ToUnix(now));
    s->BindInt(2, ToUnix(from));
    s->BindInt(3, ToUnix(before));
    return s->Step() ? s->Int(0) : 0;
  });
}

Result<domain::ArticlePage> SqliteArticleStore::FindVisibleBySlug(std::string_view slug, Timestamp now) {
  return Guarded(pool_.path(), "read an article", [&]() -> Result<domain::ArticlePage> {
    Connection& connection = pool_.ForThisThread();
    domain::ArticlePage page;
    {
      ScopedUse s(connection.Cached(kBySlug, [] {
        return fmt::format(
            "SELECT {}, c.slug, c.name, u.slug, u.name, u.role, u.organisation, u.bio "
            "FROM articles a{} WHERE a.slug = ?2 AND {}",
            kArticleColumns, kJoinAuthorAndCategory, kVisible);
      }));
      s->BindInt(1, ToUnix(now));
      s->BindText(2, slug);
      if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no published article '{}'", slug));
      Result<domain::Article> article = ReadArticle(*s);
      if (!article.ok()) return std::move(article).error();
      page.article = std::move(article).value();
      constexpr int kFirst = article_sql::kArticleColumnCount;
      page.category = {page.article.category_id, s->String(kFirst), s->String(kFirst + 1)};
      page.author.id = page.article.author_id;
      s->ReadInto(kFirst + 2, page.author.slug);
      s->ReadInto(kFirst + 3, page.author.name);
      s->ReadInto(kFirst + 4, page.author.role);
      s->ReadInto(kFirst + 5, page.author.organisation);
      s->ReadInto(kFirst + 6, page.author_bio);
    }
    ReadTagsOf(connection, page.article.id, page.tags);
    for (const domain::TagRef& tag : page.tags) page.article.tag_ids.push_back(tag.id);
    return page;
  });
}

void SqliteArticleStore::ReadTagsOf(Connection& connection, std::int64_t article_id,
                                    std::vector<domain::TagRef>& out) {
  ScopedUse t(connection.Cached(kTagsOf, [] {
    return std::string(
        "SELECT g.id, g.slug, g.name FROM article_tags t CROSS JOIN tags g ON g.id = t.tag_id "
        "WHERE t.article_id = ?1 ORDER BY g.name");
  }));
  t->BindInt(1, article_id);
  while (t->Step()) out.push_back({t->Int(0), t->String(1), t->String(2)});
}

Result<std::vector<domain::TagRef>> SqliteArticleStore::TagsOf(std::int64_t article_id) {
  return Guarded(pool_.path(), "read the tags of an article", [&]() -> Result<std::vector<domain::TagRef>> {
    std::vector<domain::TagRef> tags;
    ReadTagsOf(pool_.ForThisThread(), article_id, tags);
    return tags;
  });
}

Result<ArticleNeighbours> SqliteArticleStore::FindNeighbours(const domain::Article& article, Timestamp now) {
  ArticleNeighbours neighbours;
  if (!article.publish_at) return neighbours;
  return Guarded(pool_.path(), "read the neighbouring articles", [&]() -> Result<ArticleNeighbours> {
    Connection& connection = pool_.ForThisThread();
    // The visibility rule is spelled out so that each query has one bound per side on publish_at, which
    // SQLite then uses as the index range: the search starts right next to the article instead of at
    // `now`. Older: publish_at <= min(now, P); newer: P <= publish_at <= now. (Row values would read
    // better, but SQLite 3.40 does not turn them into a range here.)
    const Timestamp at = *article.publish_at;
    const auto one = [&](std::uint64_t key, const char* range, const char* comparison, const char* direction,
                         Timestamp bound, std::optional<domain::ArticleSummary>& out) {
      ScopedUse s(connection.Cached(key, [&] {
        return fmt::format(
            "SELECT {} FROM articles a{} WHERE a.state IN ('scheduled', 'published') "
            "AND (a.unpublish_at IS NULL OR a.unpublish_at > ?1) AND {} "
            "AND (a.publish_at {} ?2 OR a.id {} ?3) ORDER BY a.publish_at {}, a.id {} LIMIT 1",
            kSummaryColumns, kJoinAuthorAndCategory, range, comparison, comparison, direction, direction);
      }));
      s->BindInt(1, ToUnix(now));
      s->BindInt(2, ToUnix(at));
      s->BindInt(3, article.id);
      s->BindInt(4, ToUnix(bound));
      if (s->Step()) ReadSummary(*s, out.emplace());
    };
    one(kOlder, "a.publish_at <= ?4", "<", "DESC", std::min(now, at), neighbours.older);
    if (at <= now)
      one(kNewer, "a.publish_at >= ?2 AND a.publish_at <= ?4", ">", "ASC", now, neighbours.newer);
    return neighbours;
  });
}

Result<std::optional<Timestamp>> SqliteArticleStore::NextVisibilityChange(Timestamp now) {
  return Guarded(pool_.path(), "read the publication schedule", [&]() -> Result<std::optional<Timestamp>> {
    Connection& connection = pool_.ForThisThread();
    // Two index seeks, each stopping at its first row, rather than MIN() over a filtered range.
    ScopedUse s(connection.Cached(kNextChange, [] {
      return std::string(
          "SELECT min(coalesce(p, u), coalesce(u, p)) FROM ("
          "SELECT (SELECT publish_at FROM articles WHERE state IN ('scheduled', 'published') AND publish_at "
          "> ?1 "
          "ORDER BY publish_at LIMIT 1) AS p, "
          "(SELECT unpublish_at FROM articles WHERE state IN ('scheduled', 'published') AND unpublish_at > "
          "?1 "
          "ORDER BY unpublish_at LIMIT 1) AS u)");
    }));
    s->BindInt(1, ToUnix(now));
    if (!s->Step() || s->IsNull(0)) return std::optional<Timestamp>{};
    return std::optional<Timestamp>{TimestampFromUnix(s->Int(0))};
  });
}

Result<domain::Article> SqliteArticleStore::FindById(std::int64_t id) {
  return Guarded(pool_.path(), "read an article", [&]() -> Result<domain::Article> {
    Connection& connection = pool_.ForThisThread();
    domain::Article article;
    {
      ScopedUse s(connection.Cached(
          kById, [] { return Select(kArticleColumns, "FROM articles a WHERE a.id = ?1"); }));
      s->BindInt(1, id);
      if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no article {}", id));
      Result<domain::Article> read = ReadArticle(*s);
      if (!read.ok()) return read;
      article = std::move(read).value();
    }
    ScopedUse t(connection.Cached(kTagIdsOf, [] {
      return std::string("SELECT tag_id FROM article_tags WHERE article_id = ?1 ORDER BY tag_id");
    }));
    t->BindInt(1, id);
    while (t->Step()) article.tag_ids.push_back(t->Int(0));
    return article;
  });
}

Result<std::int64_t> SqliteArticleStore::Create(const domain::Article& article, Timestamp now,
                                                std::optional<std::int64_t> user_id) {
  if (Status ok = article_sql::CheckArticleFields(article); !ok.ok()) return std::move(ok).error();
  if (article.version < 1) return MakeError(ErrorCode::kInvalid, "an article's version starts at 1");
  return Guarded(pool_.path(), "create an article", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    std::int64_t id = 0;
    Status status = connection.InTransaction([&]() -> Status {
      if (Status inserted = Insert(connection, article, now, id); !inserted.ok()) return inserted;
      KeepRevision(connection, id, now, user_id);
      return OkStatus();
    });
    if (!status.ok()) return std::move(status).error();
    return id;
  });
}

Status SqliteArticleStore::Insert(Connection& connection, const domain::Article& article, Timestamp now,
                                  std::int64_t& id) {
  {
    ScopedUse s(connection.Cached(kInsertArticle, [] {
      return fmt::format(
          "INSERT INTO articles ({}, created_at, updated_at, hits, version) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, ?18, "
          "?19)",
          article_sql::kEditableColumns);
    }));
    article_sql::BindEditableFields(*s, article);
    s->BindInt(17, ToUnix(now));
    s->BindInt(18, article.hits);
    s->BindInt(19, article.version);
    try {
      s->Run();
    } catch (const SQLite::Exception& e) {
      s->Reset();
      return article_sql::RefusedWrite(connection.database(), e, article);
    }
    id = connection.database().getLastInsertRowid();
  }
  return InsertTags(connection, id, article.tag_ids, article.publish_at);
}

Status SqliteArticleStore::InsertTags(Connection& connection, std::int64_t id,
                                      std::vector<std::int64_t> tag_ids,
                                      std::optional<Timestamp> publish_at) {
  std::sort(tag_ids.begin(), tag_ids.end());
  tag_ids.erase(std::unique(tag_ids.begin(), tag_ids.end()), tag_ids.end());
  for (const std::int64_t tag_id : tag_ids) {
    ScopedUse s(connection.Cached(kInsertArticleTag, [] {
      return std::string("INSERT INTO article_tags (article_id, tag_id, publish_at) VALUES (?1, ?2, ?3)");
    }));
    s->BindInt(1, id);
    s->BindInt(2, tag_id);
    s->BindOptionalInt(3, publish_at ? std::optional(ToUnix(*publish_at)) : std::nullopt);
    try {
      s->Run();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
      return MakeError(ErrorCode::kInvalid, fmt::format("tag {} does not exist", tag_id));
    }
  }
  return OkStatus();
}

}  // namespace gazette::storage::sqlite
