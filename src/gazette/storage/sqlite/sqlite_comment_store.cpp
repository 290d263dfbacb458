#include "gazette/storage/sqlite/sqlite_comment_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <string>

#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

// Keys of this store's statements; the block is clear of every other store's.
enum Key : std::uint64_t {
  kInsert = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1400,
  kFind,
  kListApproved,
  kCountApproved,
  kApprovedEmail,
  kDuplicate,
  kQueueAll,
  kQueueInState,
  kCountAll,
  kCountInState,
  kSetState,
  kUpdate,
  kDelete,
  // Added after the block above was laid out: a block of its own, clear of the stores that came since.
  kListLatestApproved = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1800,
};

constexpr const char* kColumns =
    "c.id, c.article_id, c.parent_id, c.name, c.email, c.text, c.state, c.created_at, c.ip_hash";

domain::Comment ReadComment(const Statement& s) {
  domain::Comment comment;
  comment.id = s.Int(0);
  comment.article_id = s.Int(1);
  comment.parent_id = s.OptionalInt(2);
  s.ReadInto(3, comment.name);
  s.ReadInto(4, comment.email);
  s.ReadInto(5, comment.text);
  // The column's CHECK allows only known states; pending is the safe reading of anything else.
  auto state = domain::ParseCommentState(s.Text(6));
  comment.state = state.ok() ? *state : domain::CommentState::kPending;
  comment.created_at = TimestampFromUnix(s.Int(7));
  s.ReadInto(8, comment.ip_hash);
  return comment;
}

Status CheckFields(std::string_view name, std::string_view email, std::string_view text) {
  if (name.empty() || name.size() > kMaxCommentNameBytes || email.size() > kMaxCommentEmailBytes ||
      text.empty() || text.size() > kMaxCommentTextBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a comment needs a name of 1 to {} bytes, an e-mail address of at most {} "
                                 "and a text of 1 to {}",
                                 kMaxCommentNameBytes, kMaxCommentEmailBytes, kMaxCommentTextBytes));
  }
  return OkStatus();
}

Status CheckIds(std::span<const std::int64_t> ids) {
  if (ids.size() > static_cast<std::size_t>(kMaxCommentListLimit)) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("at most {} comments are handled at once", kMaxCommentListLimit));
  }
  return OkStatus();
}

/// ids as a JSON array ("[1,2,3]"), bound as one parameter and read with json_each: one statement,
/// prepared once, for any number of ids.
std::string JsonArray(std::span<const std::int64_t> ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  out += ']';
  return out;
}

}  // namespace

Result<std::int64_t> SqliteCommentStore::Insert(const domain::Comment& comment) {
  if (Status ok = CheckFields(comment.name, comment.email, comment.text); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "store a comment", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kInsert, [] {
      return std::string(
          "INSERT INTO comments (article_id, parent_id, state, created_at, ip_hash, name, email, text) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    }));
    s->BindInt(1, comment.article_id);
    s->BindOptionalInt(2, comment.parent_id);
    s->BindText(3, domain::CommentStateName(comment.state));
    s->BindInt(4, ToUnix(comment.created_at));
    s->BindText(5, comment.ip_hash);
    s->BindText(6, comment.name);
    s->BindText(7, comment.email);
    s->BindText(8, comment.text);
    try {
      s->Run();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
      return MakeError(ErrorCode::kNotFound, "the article or comment answered does not exist");
    }
    return connection.database().getLastInsertRowid();
  });
}

Result<domain::Comment> SqliteCommentStore::Find(std::int64_t id) {
  return Guarded(pool_.path(), "read a comment", [&]() -> Result<domain::Comment> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(
        kFind, [] { return fmt::format("SELECT {} FROM comments c WHERE c.id = ?1", kColumns); }));
    s->BindInt(1, id);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("there is no comment {}", id));
    return ReadComment(*s);
  });
}

Result<std::vector<domain::Comment>> SqliteCommentStore::ListApproved(std::int64_t article_id) {
  return Guarded(pool_.path(), "read an article's comments", [&]() -> Result<std::vector<domain::Comment>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kListApproved, [] {
      return fmt::format(
          "SELECT {} FROM comments c WHERE c.article_id = ?1 AND c.state = 'approved' "
          "ORDER BY c.created_at, c.id LIMIT {}",
          kColumns, kMaxCommentsPerArticlePage);
    }));
    s->BindInt(1, article_id);
    std::vector<domain::Comment> comments;
    while (s->Step()) comments.push_back(ReadComment(*s));
    return comments;
  });
}

Result<std::vector<domain::Comment>> SqliteCommentStore::ListLatestApproved(std::int64_t article_id,
                                                                            std::int64_t limit) {
  if (limit < 0 || limit > kMaxCommentListLimit) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a list of comments needs 0 <= limit <= {}", kMaxCommentListLimit));
  }
  const auto read = [&]() -> Result<std::vector<domain::Comment>> {
    Connection& connection = pool_.ForThisThread();
    // comments_by_article (article_id, state, created_at, id) read backwards: no sort, limit rows read.
    ScopedUse s(connection.Cached(kListLatestApproved, [] {
      return fmt::format(
          "SELECT {} FROM comments c WHERE c.article_id = ?1 AND c.state = 'approved' "
          "ORDER BY c.created_at DESC, c.id DESC LIMIT ?2",
          kColumns);
    }));
    s->BindInt(1, article_id);
    s->BindInt(2, limit);
    std::vector<domain::Comment> comments;
    while (s->Step()) comments.push_back(ReadComment(*s));
    return comments;
  };
  return Guarded(pool_.path(), "read an article's latest comments", read);
}

Result<std::map<std::int64_t, std::int64_t>> SqliteCommentStore::CountApproved(
    std::span<const std::int64_t> article_ids) {
  if (Status ok = CheckIds(article_ids); !ok.ok()) return std::move(ok).error();
  std::map<std::int64_t, std::int64_t> counts;
  if (article_ids.empty()) return counts;
  return Guarded(pool_.path(), "count comments", [&]() -> Result<std::map<std::int64_t, std::int64_t>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kCountApproved, [] {
      return std::string(
          "SELECT c.article_id, count(*) FROM comments c "
          "WHERE c.article_id IN (SELECT value FROM json_each(?1)) AND c.state = 'approved' "
          "GROUP BY c.article_id");
    }));
    const std::string ids = JsonArray(article_ids);
    s->BindText(1, ids);
    while (s->Step()) counts.emplace(s->Int(0), s->Int(1));
    return counts;
  });
}

Result<bool> SqliteCommentStore::HasApprovedEmail(std::string_view email) {
  if (email.empty()) return false;
  return Guarded(pool_.path(), "look up a commenter", [&]() -> Result<bool> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kApprovedEmail, [] {
      return std::string(
          "SELECT 1 FROM comments WHERE email = ?1 AND email <> '' AND state = 'approved' LIMIT 1");
    }));
    s->BindText(1, email);
    return s->Step();
  });
}

Result<bool> SqliteCommentStore::IsDuplicate(std::int64_t article_id, std::string_view text,
                                             std::string_view ip_hash, Timestamp since) {
  return Guarded(pool_.path(), "look for a duplicate comment", [&]() -> Result<bool> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kDuplicate, [] {
      return std::string(
          "SELECT 1 WHERE EXISTS (SELECT 1 FROM comments WHERE article_id = ?1 AND text = ?2) "
          "OR EXISTS (SELECT 1 FROM comments WHERE ip_hash = ?3 AND created_at >= ?4 AND text = ?2)");
    }));
    s->BindInt(1, article_id);
    s->BindText(2, text);
    s->BindText(3, ip_hash);
    s->BindInt(4, ToUnix(since));
    return s->Step();
  });
}

Result<std::vector<QueuedComment>> SqliteCommentStore::ListQueue(std::optional<domain::CommentState> state,
                                                                 std::int64_t offset, std::int64_t limit) {
  if (offset < 0 || limit < 0 || limit > kMaxCommentListLimit) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a list of comments needs offset >= 0 and 0 <= limit <= {}",
                                 kMaxCommentListLimit));
  }
  return Guarded(pool_.path(), "list comments", [&]() -> Result<std::vector<QueuedComment>> {
    Connection& connection = pool_.ForThisThread();
    const auto sql = [&state] {
      return fmt::format(
          "SELECT {}, a.title, a.slug, a.publish_at, a.created_at FROM comments c "
          "JOIN articles a ON a.id = c.article_id {} ORDER BY c.created_at DESC, c.id DESC "
          "LIMIT ?1 OFFSET ?2",
          kColumns, state ? "WHERE c.state = ?3" : "");
    };
    ScopedUse s(connection.Cached(state ? kQueueInState : kQueueAll, sql));
    s->BindInt(1, limit);
    s->BindInt(2, offset);
    if (state) s->BindText(3, domain::CommentStateName(*state));
    std::vector<QueuedComment> rows;
    while (s->Step()) {
      QueuedComment row;
      row.comment = ReadComment(*s);
      s->ReadInto(9, row.article_title);
      s->ReadInto(10, row.article_slug);
      if (auto at = s->OptionalInt(11)) row.article_publish_at = TimestampFromUnix(*at);
      row.article_created_at = TimestampFromUnix(s->Int(12));
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

Result<std::int64_t> SqliteCommentStore::CountInState(std::optional<domain::CommentState> state) {
  return Guarded(pool_.path(), "count comments", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(state ? kCountInState : kCountAll, [&state] {
      return std::string(state ? "SELECT count(*) FROM comments WHERE state = ?1"
                               : "SELECT count(*) FROM comments");
    }));
    if (state) s->BindText(1, domain::CommentStateName(*state));
    s->Step();
    return s->Int(0);
  });
}

Result<std::int64_t> SqliteCommentStore::SetState(std::span<const std::int64_t> ids, domain::CommentState state) {
  if (Status ok = CheckIds(ids); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "moderate comments", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    std::int64_t changed = 0;
    Status done = connection.InTransaction([&]() -> Status {
      for (const std::int64_t id : ids) {
        ScopedUse s(connection.Cached(
            kSetState, [] { return std::string("UPDATE comments SET state = ?2 WHERE id = ?1"); }));
        s->BindInt(1, id);
        s->BindText(2, domain::CommentStateName(state));
        s->Run();
        changed += connection.database().getChanges();
      }
      return OkStatus();
    });
    if (!done.ok()) return std::move(done).error();
    return changed;
  });
}

Status SqliteCommentStore::Update(std::int64_t id, std::string_view name, std::string_view email,
                                  std::string_view text) {
  if (Status ok = CheckFields(name, email, text); !ok.ok()) return ok;
  return Guarded(pool_.path(), "change a comment", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kUpdate, [] {
      return std::string("UPDATE comments SET name = ?2, email = ?3, text = ?4 WHERE id = ?1");
    }));
    s->BindInt(1, id);
    s->BindText(2, name);
    s->BindText(3, email);
    s->BindText(4, text);
    s->Run();
    if (connection.database().getChanges() == 0) {
      return MakeError(ErrorCode::kNotFound, fmt::format("there is no comment {}", id));
    }
    return OkStatus();
  });
}

Result<std::int64_t> SqliteCommentStore::Delete(std::span<const std::int64_t> ids) {
  if (Status ok = CheckIds(ids); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "delete comments", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    std::int64_t deleted = 0;
    Status done = connection.InTransaction([&]() -> Status {
      for (const std::int64_t id : ids) {
        ScopedUse s(
            connection.Cached(kDelete, [] { return std::string("DELETE FROM comments WHERE id = ?1"); }));
        s->BindInt(1, id);
        s->Run();
        // Replies go with their parent (ON DELETE CASCADE); only the ids asked for are counted.
        deleted += connection.database().getChanges();
      }
      return OkStatus();
    });
    if (!done.ok()) return std::move(done).error();
    return deleted;
  });
}

}  // namespace gazette::storage::sqlite
