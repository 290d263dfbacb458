#include "gazette/domain/comment.hpp"

#include <string>

namespace gazette::domain {

const char* CommentStateName(CommentState state) noexcept {
  switch (state) {
    case CommentState::kPending: return "pending";
    case CommentState::kApproved: return "approved";
    case CommentState::kRejected: return "rejected";
    case CommentState::kSpam: return "spam";
  }
  return "pending";
}

Result<CommentState> ParseCommentState(std::string_view name) {
  if (name == "pending") return CommentState::kPending;
  if (name == "approved") return CommentState::kApproved;
  if (name == "rejected") return CommentState::kRejected;
  if (name == "spam") return CommentState::kSpam;
  return MakeError(ErrorCode::kInvalid,
                   "unknown comment state '" + std::string(name) + "': use pending, approved, rejected or spam");
}

}  // namespace gazette::domain
