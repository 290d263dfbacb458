// The feeds' and sitemaps' side of SqliteArticleStore: every answer is one query whose rows are read as they
// come, so a 50,000-URL sitemap never holds 50,000 articles in memory.
#include <fmt/format.h>

#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/sqlite_article_store.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

using article_sql::kVisible;

enum Key : std::uint64_t {
  kLinks = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1700,
  kFeedExtras,
  kCategoryChanges,
  kTagChanges,
  kAuthorChanges,
  kDayChanges,
};

/// Most ids FeedExtrasOf takes: a feed is tens of items.
constexpr std::size_t kMaxFeedExtrasIds = 1000;

/// The ids come from the articles_visible index in its own order (publish_at, id), so OFFSET skips index
/// entries only; slug and dates sit before the large text columns, so no overflow page is read.
std::string LinksSql() {
  return fmt::format(
      "SELECT a.id, a.slug, a.publish_at, a.updated_at FROM articles a INDEXED BY articles_visible "
      "WHERE {} ORDER BY a.publish_at, a.id LIMIT ?2 OFFSET ?3",
      kVisible);
}

std::string SectionChangesSql(SectionKind kind) {
  switch (kind) {
    case SectionKind::kCategory:
      return fmt::format(
          "SELECT c.slug, max(a.updated_at) FROM articles a CROSS JOIN categories c ON c.id = a.category_id "
          "WHERE {} GROUP BY c.id ORDER BY c.slug LIMIT ?2",
          kVisible);
    case SectionKind::kAuthor:
      return fmt::format(
          "SELECT u.slug, max(a.updated_at) FROM articles a CROSS JOIN authors u ON u.id = a.author_id "
          "WHERE {} GROUP BY u.id ORDER BY u.slug LIMIT ?2",
          kVisible);
    case SectionKind::kTag:
      break;
  }
  return fmt::format(
      "SELECT t.slug, max(a.updated_at) FROM article_tags x CROSS JOIN articles a ON a.id = x.article_id "
      "CROSS JOIN tags t ON t.id = x.tag_id WHERE {} GROUP BY t.id ORDER BY t.slug LIMIT ?2",
      kVisible);
}

Key SectionKey(SectionKind kind) {
  switch (kind) {
    case SectionKind::kCategory: return kCategoryChanges;
    case SectionKind::kAuthor: return kAuthorChanges;
    case SectionKind::kTag: break;
  }
  return kTagChanges;
}

}  // namespace

Status SqliteArticleStore::ForEachVisibleLink(Timestamp now, std::int64_t offset, std::int64_t limit,
                                              const std::function<void(const ArticleLink&)>& each) {
  if (offset < 0 || limit < 0 || limit > kMaxLinkRows) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a link list needs offset >= 0 and 0 <= limit <= {}", kMaxLinkRows));
  }
  return Guarded(pool_.path(), "read the article links", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kLinks, [] { return LinksSql(); }));
    s->BindInt(1, ToUnix(now));
    s->BindInt(2, limit);
    s->BindInt(3, offset);
    ArticleLink link;
    while (s->Step()) {
      link.id = s->Int(0);
      s->ReadInto(1, link.slug);
      link.publish_at = TimestampFromUnix(s->Int(2));
      link.updated_at = TimestampFromUnix(s->Int(3));
      each(link);
    }
    return OkStatus();
  });
}

Result<std::vector<ArticleFeedExtras>> SqliteArticleStore::FeedExtrasOf(std::span<const std::int64_t> ids) {
  if (ids.size() > kMaxFeedExtrasIds) {
    return MakeError(ErrorCode::kInvalid, fmt::format("at most {} articles at once", kMaxFeedExtrasIds));
  }
  // One statement for any number of ids: they travel as one JSON array bound as text.
  std::string id_list = "[";
  for (const std::int64_t id : ids) {
    if (id_list.size() > 1) id_list.push_back(',');
    id_list += std::to_string(id);
  }
  id_list.push_back(']');
  return Guarded(pool_.path(), "read the articles' bodies", [&]() -> Result<std::vector<ArticleFeedExtras>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kFeedExtras, [] {
      return std::string(
          "SELECT a.id, a.body_html, a.created_at FROM articles a "
          "WHERE a.id IN (SELECT value FROM json_each(?1))");
    }));
    s->BindText(1, id_list);
    std::vector<ArticleFeedExtras> rows;
    rows.reserve(ids.size());
    while (s->Step()) {
      auto& row = rows.emplace_back();
      row.id = s->Int(0);
      s->ReadInto(1, row.body_html);
      row.created_at = TimestampFromUnix(s->Int(2));
    }
    return rows;
  });
}

Result<std::vector<SectionChange>> SqliteArticleStore::ListSectionChanges(SectionKind kind, Timestamp now) {
  return Guarded(pool_.path(), "read the sections' last changes", [&]() -> Result<std::vector<SectionChange>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(SectionKey(kind), [kind] { return SectionChangesSql(kind); }));
    s->BindInt(1, ToUnix(now));
    s->BindInt(2, kMaxSectionRows);
    std::vector<SectionChange> rows;
    while (s->Step()) {
      auto& row = rows.emplace_back();
      s->ReadInto(0, row.slug);
      row.last_change = TimestampFromUnix(s->Int(1));
    }
    return rows;
  });
}

Result<std::vector<DayChange>> SqliteArticleStore::ListDayChanges(Timestamp now, std::chrono::seconds utc_offset) {
  return Guarded(pool_.path(), "read the archive's last changes", [&]() -> Result<std::vector<DayChange>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kDayChanges, [] {
      return fmt::format(
          "SELECT (a.publish_at + ?2) / 86400 AS day, max(a.updated_at) FROM articles a "
          "INDEXED BY articles_visible WHERE {} GROUP BY day ORDER BY day",
          kVisible);
    }));
    s->BindInt(1, ToUnix(now));
    s->BindInt(2, utc_offset.count());
    std::vector<DayChange> rows;
    while (s->Step()) rows.push_back(DayChange{s->Int(0), TimestampFromUnix(s->Int(1))});
    return rows;
  });
}

}  // namespace gazette::storage::sqlite
