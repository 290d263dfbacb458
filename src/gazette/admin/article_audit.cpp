#include "gazette/admin/article_audit.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "gazette/accounts/audit_actions.hpp"

namespace gazette::admin {

namespace action = accounts::audit_action;

std::string_view ArticleSaveAction(editorial::PublishMode mode, bool created) {
  switch (mode) {
    case editorial::PublishMode::kPublishNow:
      return action::kArticlePublished;
    case editorial::PublishMode::kSchedule:
      return action::kArticleScheduled;
    case editorial::PublishMode::kSubmitForReview:
      return action::kArticleSubmitted;
    case editorial::PublishMode::kSaveDraft:
    case editorial::PublishMode::kKeepState:
      break;
  }
  return created ? action::kArticleCreated : action::kArticleUpdated;
}

std::string_view ArticleBulkAction(editorial::BulkAction bulk) {
  switch (bulk) {
    case editorial::BulkAction::kPublish:
      return action::kArticlePublished;
    case editorial::BulkAction::kArchive:
      return action::kArticleArchived;
    case editorial::BulkAction::kTrash:
      return action::kArticleDeleted;
    case editorial::BulkAction::kBackToDraft:
      break;
  }
  return action::kArticleUnpublished;
}

void RecordAudit(const AdminContext& ctx, const AdminRequest& request, std::string_view what,
                 std::string_view kind, std::span<const std::int64_t> ids, std::string_view detail) {
  for (const std::int64_t id : ids) {
    if (auto recorded = ctx.accounts.audit().Record(request.actor(), what, fmt::format("{} {}", kind, id), detail);
        !recorded.ok()) {
      spdlog::error("the audit log did not take {} of {} {}: {}", what, kind, id, recorded.error().message);
    }
  }
}

void RecordArticleAudit(const AdminContext& ctx, const AdminRequest& request, std::string_view what,
                        std::span<const std::int64_t> ids, std::string_view detail) {
  RecordAudit(ctx, request, what, "article", ids, detail);
}

}  // namespace gazette::admin
