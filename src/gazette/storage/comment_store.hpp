#pragma once
/// CommentStore: readers' comments (migration 0008): the approved ones an article page shows, counts for
/// teaser lists, what the anti-spam checks look up, and the moderation queue. Checks only the bounds that
/// keep rows small; what a comment may say is comments::'s to check.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/comment.hpp"

namespace gazette::storage {

/// Bytes a stored field may hold (the comments module's limits are in characters, up to 4 bytes each).
inline constexpr std::size_t kMaxCommentNameBytes = 400;
inline constexpr std::size_t kMaxCommentEmailBytes = 254;
inline constexpr std::size_t kMaxCommentTextBytes = 20000;
/// Most rows one queue page returns, and most ids one bulk action or count takes.
inline constexpr std::int64_t kMaxCommentListLimit = 500;
/// Most comments one article page reads: far beyond any real discussion, it bounds the page's size.
inline constexpr std::int64_t kMaxCommentsPerArticlePage = 1000;

/// A comment in the moderation queue, with the article it belongs to.
struct QueuedComment {
  domain::Comment comment;
  std::string article_title;
  std::string article_slug;
  std::optional<Timestamp> article_publish_at;
  Timestamp article_created_at{};
};

/// Thread-safe. Every call is one statement, or one transaction for those that change several rows.
class CommentStore {
 public:
  virtual ~CommentStore() = default;

  /// Stores comment (its id is ignored) and returns the new id. kInvalid for an empty name or text or a
  /// field over the bounds above; kNotFound when the article does not exist.
  virtual Result<std::int64_t> Insert(const domain::Comment& comment) = 0;

  /// kNotFound when there is none.
  virtual Result<domain::Comment> Find(std::int64_t id) = 0;

  /// The approved comments of an article, oldest first (replies among them; the caller threads them),
  /// at most kMaxCommentsPerArticlePage. One query.
  virtual Result<std::vector<domain::Comment>> ListApproved(std::int64_t article_id) = 0;

  /// The newest approved comments of an article, newest first (same instant: higher id first), at most
  /// limit: what a comments feed shows. One query over the article's index. kInvalid for a limit outside
  /// [0, kMaxCommentListLimit].
  virtual Result<std::vector<domain::Comment>> ListLatestApproved(std::int64_t article_id,
                                                                  std::int64_t limit) = 0;

  /// Approved comments per article for each of article_ids (absent when none), in one query. kInvalid for
  /// more than kMaxCommentListLimit ids.
  virtual Result<std::map<std::int64_t, std::int64_t>> CountApproved(
      std::span<const std::int64_t> article_ids) = 0;

  /// Whether email (compared as stored: the caller lower-cases it) has an approved comment.
  virtual Result<bool> HasApprovedEmail(std::string_view email) = 0;

  /// Whether the same text was posted on article_id at any time, or by ip_hash on any article since since.
  virtual Result<bool> IsDuplicate(std::int64_t article_id, std::string_view text, std::string_view ip_hash,
                                   Timestamp since) = 0;

  /// The queue: comments in state (every state when empty), newest first, rows [offset, offset + limit).
  /// kInvalid for a negative offset or a limit outside [0, kMaxCommentListLimit].
  virtual Result<std::vector<QueuedComment>> ListQueue(std::optional<domain::CommentState> state,
                                                       std::int64_t offset, std::int64_t limit) = 0;
  virtual Result<std::int64_t> CountInState(std::optional<domain::CommentState> state) = 0;

  /// Puts each of ids in state, in one transaction; returns how many exist. kInvalid for more than
  /// kMaxCommentListLimit ids.
  virtual Result<std::int64_t> SetState(std::span<const std::int64_t> ids, domain::CommentState state) = 0;
  /// Replaces name, email and text. kNotFound for no such comment; kInvalid as for Insert.
  virtual Status Update(std::int64_t id, std::string_view name, std::string_view email,
                        std::string_view text) = 0;
  /// Deletes each of ids with their replies, in one transaction; returns how many of ids existed.
  virtual Result<std::int64_t> Delete(std::span<const std::int64_t> ids) = 0;
};

}  // namespace gazette::storage
