#pragma once
/// CommentService: readers' comments from the form to the page. Submit runs every check (fields, honeypot,
/// signed form token and its age, links, rate limit, duplicates) before anything is stored, and decides
/// whether the comment waits for an editor; the moderation calls are the back office's, for those with
/// domain::Permission::kModerateComments.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/comments/comment_options.hpp"
#include "gazette/comments/form_tokens.hpp"
#include "gazette/comments/rate_limiter.hpp"
#include "gazette/domain/article.hpp"
#include "gazette/domain/comment.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::comments {

/// What the comment form sent, as typed.
struct CommentSubmission {
  std::string name;
  std::string email;
  std::string text;
  std::string token;     ///< the form's signed token
  std::string honeypot;  ///< a field hidden from people: anything in it was filled in by a script
  std::string parent;    ///< the id of the comment answered, or empty
  std::string client_ip;
};

struct AcceptedComment {
  std::int64_t id = 0;
  domain::CommentState state = domain::CommentState::kPending;
};

/// A moderation action on chosen comments.
enum class ModerationAction { kApprove, kReject, kSpam, kDelete };
/// "approve", "reject", "spam", "delete"; kInvalid otherwise.
Result<ModerationAction> ParseModerationAction(std::string_view name);

/// Thread-safe.
class CommentService {
 public:
  /// Reads (or creates, on a new site) the site's keys for form tokens and address hashes from the
  /// accounts store, so that every server of a site shares them and they survive restarts.
  static Result<std::unique_ptr<CommentService>> Open(storage::Storage& storage, const Clock& clock,
                                                      CommentOptions options);

  const CommentOptions& options() const { return options_; }

  /// The token for a comment form on article_id shown now.
  std::string IssueFormToken(std::int64_t article_id) const;

  /// Checks and stores a reader's comment on article (which the caller found visible). kForbidden when
  /// the article's comments are closed; kInvalid with a message for the reader for any refused input or
  /// suspected spam (nothing is stored then); storage errors otherwise.
  Result<AcceptedComment> Submit(const domain::Article& article, const CommentSubmission& submission);

  /// Applies action to each of ids; returns how many existed. kForbidden unless user may moderate.
  Result<std::int64_t> Moderate(const domain::User& user, std::span<const std::int64_t> ids,
                                ModerationAction action);
  /// Replaces a comment's fields, checked as a reader's are (kInvalid with the message otherwise).
  Status Edit(const domain::User& user, std::int64_t id, std::string_view name, std::string_view email,
              std::string_view text);

  /// The keyed hash stored for a client address (hex of 16 bytes of BLAKE2b): stable across restarts so
  /// rate limits and duplicate checks work, and not reversible without the site's key.
  std::string HashAddress(std::string_view client_ip) const;

 private:
  CommentService(storage::Storage& storage, const Clock& clock, CommentOptions options,
                 const storage::SecretKey& form_key, const storage::SecretKey& address_key);

  Result<std::optional<std::int64_t>> ThreadParent(const domain::Article& article, std::string_view parent);

  storage::Storage& storage_;
  const Clock& clock_;
  CommentOptions options_;
  FormTokens tokens_;
  storage::SecretKey address_key_;
  RateLimiter rate_limiter_;
};

}  // namespace gazette::comments
