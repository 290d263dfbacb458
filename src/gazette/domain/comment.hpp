#pragma once
/// Comment: what a reader wrote under an article, and the moderation states it goes through. The e-mail
/// address is for the editors only: no page or feed ever shows it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"

namespace gazette::domain {

/// Stored as the lower-case names below; when adding a state, also update CommentStateName(),
/// ParseCommentState() and the CHECK constraint in migration 0008.
enum class CommentState {
  kPending,   ///< waiting for an editor; not shown
  kApproved,  ///< shown under its article
  kRejected,  ///< refused by an editor; kept for the record, not shown
  kSpam,      ///< marked as spam; not shown
};

const char* CommentStateName(CommentState state) noexcept;
/// "pending", "approved", "rejected", "spam" (exact). kInvalid otherwise, naming the accepted values.
Result<CommentState> ParseCommentState(std::string_view name);

struct Comment {
  std::int64_t id = 0;
  std::int64_t article_id = 0;
  /// The comment this one replies to. Always a top-level comment: a reply to a reply joins the same
  /// thread, so threads are one level deep.
  std::optional<std::int64_t> parent_id;
  std::string name;
  std::string email;  ///< may be empty; never shown to readers
  std::string text;   ///< plain text as written (line breaks "\n"); turned into HTML when shown
  CommentState state = CommentState::kPending;
  Timestamp created_at{};  ///< the server's time when it arrived
  /// A keyed hash of the sender's IP address (hex), for rate limits and duplicates: never the address.
  std::string ip_hash;
};

}  // namespace gazette::domain
