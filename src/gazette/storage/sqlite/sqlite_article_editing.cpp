// The editors' side of SqliteArticleStore: the editors' list, versioned updates, bulk state changes and
// revisions. Every write here runs in one transaction and keeps a revision of what it wrote.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>

#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/sqlite_article_store.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

enum Key : std::uint64_t {
  kVersionOf = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 300,
  kUpdateArticle,
  kDeleteArticleTags,
  kKeepRevision,
  kDropOldRevisions,
  kStateOf,
  kSetState,
  kListRevisions,
  kRevisionById,
};

constexpr const char* kRevisionSummaryColumns =
    "r.id, r.article_id, r.version, r.saved_at, r.saved_by, r.state, r.title";

std::optional<Timestamp> OptionalTimestamp(const Statement& s, int column) {
  if (s.IsNull(column)) return std::nullopt;
  return TimestampFromUnix(s.Int(column));
}

Status ReadRevisionSummary(const Statement& s, domain::ArticleRevisionSummary& out) {
  out.id = s.Int(0);
  out.article_id = s.Int(1);
  out.version = s.Int(2);
  out.saved_at = TimestampFromUnix(s.Int(3));
  out.saved_by = s.OptionalInt(4);
  Result<domain::ArticleState> state = domain::ParseArticleState(s.Text(5));
  if (!state.ok()) {
    return MakeError(ErrorCode::kInternal,
                     fmt::format("revision {} has an unknown state '{}'", out.id, s.Text(5)));
  }
  out.state = *state;
  s.ReadInto(6, out.title);
  return OkStatus();
}

Status CheckEditorWindow(const EditorArticleFilter& filter, std::int64_t offset, std::int64_t limit) {
  if (offset < 0 || limit < 0 || limit > kMaxListLimit) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a list window needs offset >= 0 and 0 <= limit <= {}", kMaxListLimit));
  }
  if (filter.text.size() > kMaxEditorFilterTextBytes) {
    return MakeError(ErrorCode::kInvalid, fmt::format("search for at most {} bytes of a title or slug",
                                                      kMaxEditorFilterTextBytes));
  }
  return OkStatus();
}

void BindFilter(Statement& s, const EditorArticleFilter& filter, const std::string& pattern) {
  if (filter.state) s.BindText(3, domain::ArticleStateName(*filter.state));
  if (filter.category_id) s.BindInt(4, *filter.category_id);
  if (filter.country) s.BindText(5, *filter.country);
  if (filter.author_id) s.BindInt(6, *filter.author_id);
  if (!filter.text.empty()) s.BindText(7, pattern);
}

/// What someone whose save was refused needs to know. The store knows no site time zone, so the instant
/// is in UTC; the editorial service words it in the site's time.
Error StaleVersion(Timestamp changed_at) {
  return MakeError(ErrorCode::kConflict,
                   fmt::format("This article was changed by someone else at {:%Y-%m-%d %H:%M} UTC since you "
                               "opened it; your text is kept below, copy it and reload.",
                               changed_at));
}

}  // namespace

Result<std::vector<EditorArticleRow>> SqliteArticleStore::ListForEditors(const EditorArticleFilter& filter,
                                                                         std::int64_t offset,
                                                                         std::int64_t limit) {
  if (Status ok = CheckEditorWindow(filter, offset, limit); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "read the editors' list of articles",
                 [&]() -> Result<std::vector<EditorArticleRow>> {
                   const auto shape = article_sql::EditorListShape::Of(filter);
                   const std::string pattern = article_sql::ContainsPattern(filter.text);
                   Connection& connection = pool_.ForThisThread();
                   ScopedUse s(connection.Cached(shape.ListKey(), [&shape] { return shape.ListSql(); }));
                   s->BindInt(1, limit);
                   s->BindInt(2, offset);
                   BindFilter(*s, filter, pattern);
                   std::vector<EditorArticleRow> rows;
                   while (s->Step()) {
                     Result<EditorArticleRow> row = article_sql::ReadEditorRow(*s);
                     if (!row.ok()) return std::move(row).error();
                     rows.push_back(std::move(row).value());
                   }
                   return rows;
                 });
}

Result<std::int64_t> SqliteArticleStore::CountForEditors(const EditorArticleFilter& filter) {
  if (Status ok = CheckEditorWindow(filter, 0, 0); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "count the editors' list of articles", [&]() -> Result<std::int64_t> {
    const auto shape = article_sql::EditorListShape::Of(filter);
    const std::string pattern = article_sql::ContainsPattern(filter.text);
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(shape.CountKey(), [&shape] { return shape.CountSql(); }));
    BindFilter(*s, filter, pattern);
    return s->Step() ? s->Int(0) : 0;
  });
}

Result<std::int64_t> SqliteArticleStore::Update(const domain::Article& article, std::int64_t expected_version,
                                                Timestamp now, std::optional<std::int64_t> user_id) {
  if (Status ok = article_sql::CheckArticleFields(article); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "save an article", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    std::int64_t new_version = 0;
    Status status = connection.InTransaction([&]() -> Status {
      {
        ScopedUse s(connection.Cached(kVersionOf, [] {
          return std::string("SELECT version, updated_at FROM articles WHERE id = ?1");
        }));
        s->BindInt(1, article.id);
        if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no article {}", article.id));
        if (s->Int(0) != expected_version) return StaleVersion(TimestampFromUnix(s->Int(1)));
        new_version = s->Int(0) + 1;
      }
      {
        ScopedUse s(connection.Cached(kUpdateArticle, [] {
          return fmt::format(
              "UPDATE articles SET ({}, updated_at, version) = "
              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, version + 1) "
              "WHERE id = ?18",
              article_sql::kEditableColumns);
        }));
        article_sql::BindEditableFields(*s, article);
        s->BindInt(17, ToUnix(now));
        s->BindInt(18, article.id);
        try {
          s->Run();
        } catch (const SQLite::Exception& e) {
          s->Reset();
          return article_sql::RefusedWrite(connection.database(), e, article);
        }
      }
      {
        ScopedUse s(connection.Cached(kDeleteArticleTags, [] {
          return std::string("DELETE FROM article_tags WHERE article_id = ?1");
        }));
        s->BindInt(1, article.id);
        s->Run();
      }
      if (Status tagged = InsertTags(connection, article.id, article.tag_ids, article.publish_at);
          !tagged.ok())
        return tagged;
      KeepRevision(connection, article.id, now, user_id);
      return OkStatus();
    });
    if (!status.ok()) return std::move(status).error();
    return new_version;
  });
}

Result<std::int64_t> SqliteArticleStore::SetState(std::span<const std::int64_t> ids,
                                                  domain::ArticleState state, Timestamp now,
                                                  std::optional<std::int64_t> user_id) {
  if (ids.size() > kMaxBulkIds) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("one action may change at most {} articles", kMaxBulkIds));
  }
  std::vector<std::int64_t> unique(ids.begin(), ids.end());
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  return Guarded(pool_.path(), "change the state of articles", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    std::int64_t changed = 0;
    Status status = connection.InTransaction([&]() -> Status {
      for (const std::int64_t id : unique) {
        {
          ScopedUse s(connection.Cached(
              kStateOf, [] { return std::string("SELECT state, publish_at FROM articles WHERE id = ?1"); }));
          s->BindInt(1, id);
          if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no article {}", id));
          if (s->Text(0) == domain::ArticleStateName(state)) continue;
          // A scheduled article without a date would wait for ever, unseen.
          if (state == domain::ArticleState::kScheduled && s->IsNull(1)) {
            return MakeError(ErrorCode::kInvalid,
                             fmt::format("article {} has no publication date to be scheduled for", id));
          }
        }
        {
          ScopedUse s(connection.Cached(kSetState, [] {
            return std::string(
                "UPDATE articles SET state = ?2, "
                "publish_at = CASE WHEN ?3 AND (publish_at IS NULL OR publish_at > ?4) THEN ?4 "
                "ELSE publish_at END, "
                "review_requested = CASE WHEN ?3 THEN 0 ELSE review_requested END, "
                "updated_at = ?4, version = version + 1 WHERE id = ?1");
          }));
          s->BindInt(1, id);
          s->BindText(2, domain::ArticleStateName(state));
          s->BindInt(3, state == domain::ArticleState::kPublished ? 1 : 0);
          s->BindInt(4, ToUnix(now));
          s->Run();
        }
        KeepRevision(connection, id, now, user_id);
        ++changed;
      }
      return OkStatus();
    });
    if (!status.ok()) return std::move(status).error();
    return changed;
  });
}

void SqliteArticleStore::KeepRevision(Connection& connection, std::int64_t id, Timestamp now,
                                      std::optional<std::int64_t> user_id) {
  {
    ScopedUse s(connection.Cached(kKeepRevision, [] {
      // Copied from the row just written, so that the revision is exactly what was stored. Tag names are
      // sorted by the inner query; SQLite's group_concat keeps the order of the rows it is given.
      return std::string(
          "INSERT INTO article_revisions (article_id, version, saved_at, saved_by, state, publish_at, "
          "unpublish_at, category_id, author_id, featured, featured_order, comments_open, country, slug, "
          "title, tags, intro_markdown, body_markdown) "
          "SELECT a.id, a.version, ?2, ?3, a.state, a.publish_at, a.unpublish_at, a.category_id, "
          "a.author_id, "
          "a.featured, a.featured_order, a.comments_open, a.country, a.slug, a.title, "
          "coalesce((SELECT group_concat(name, ', ') FROM (SELECT g.name AS name FROM article_tags t "
          "CROSS JOIN tags g ON g.id = t.tag_id WHERE t.article_id = ?1 ORDER BY g.name)), ''), "
          "a.intro_markdown, a.body_markdown FROM articles a WHERE a.id = ?1");
    }));
    s->BindInt(1, id);
    s->BindInt(2, ToUnix(now));
    s->BindOptionalInt(3, user_id);
    s->Run();
  }
  ScopedUse s(connection.Cached(kDropOldRevisions, [] {
    return fmt::format(
        "DELETE FROM article_revisions WHERE article_id = ?1 "
        "AND version <= (SELECT version FROM articles WHERE id = ?1) - {}",
        kMaxRevisionsPerArticle);
  }));
  s->BindInt(1, id);
  s->Run();
}

Result<std::vector<domain::ArticleRevisionSummary>> SqliteArticleStore::ListRevisions(
    std::int64_t article_id) {
  return Guarded(pool_.path(), "read the revisions of an article",
                 [&]() -> Result<std::vector<domain::ArticleRevisionSummary>> {
                   Connection& connection = pool_.ForThisThread();
                   ScopedUse s(connection.Cached(kListRevisions, [] {
                     return fmt::format(
                         "SELECT {} FROM article_revisions r WHERE r.article_id = ?1 ORDER BY r.version DESC",
                         kRevisionSummaryColumns);
                   }));
                   s->BindInt(1, article_id);
                   std::vector<domain::ArticleRevisionSummary> revisions;
                   while (s->Step()) {
                     if (Status read = ReadRevisionSummary(*s, revisions.emplace_back()); !read.ok())
                       return std::move(read).error();
                   }
                   return revisions;
                 });
}

Result<domain::ArticleRevision> SqliteArticleStore::FindRevision(std::int64_t revision_id) {
  return Guarded(pool_.path(), "read a revision of an article", [&]() -> Result<domain::ArticleRevision> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kRevisionById, [] {
      return fmt::format(
          "SELECT {}, r.slug, r.country, r.category_id, r.author_id, r.tags, r.featured, r.featured_order, "
          "r.comments_open, r.publish_at, r.unpublish_at, r.intro_markdown, r.body_markdown "
          "FROM article_revisions r WHERE r.id = ?1",
          kRevisionSummaryColumns);
    }));
    s->BindInt(1, revision_id);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no revision {}", revision_id));
    domain::ArticleRevision r;
    if (Status read = ReadRevisionSummary(*s, r.summary); !read.ok()) return std::move(read).error();
    s->ReadInto(7, r.slug);
    s->ReadInto(8, r.country);
    r.category_id = s->Int(9);
    r.author_id = s->Int(10);
    s->ReadInto(11, r.tags);
    r.featured = s->Int(12) != 0;
    r.featured_order = static_cast<int>(s->Int(13));
    r.comments_open = s->Int(14) != 0;
    r.publish_at = OptionalTimestamp(*s, 15);
    r.unpublish_at = OptionalTimestamp(*s, 16);
    s->ReadInto(17, r.intro_markdown);
    s->ReadInto(18, r.body_markdown);
    return r;
  });
}

}  // namespace gazette::storage::sqlite
