#pragma once
/// What the article screens write to the audit log: who created, changed, published, scheduled,
/// withdrew or deleted which article. Recorded after the change is stored; a failure to record is logged
/// and does not undo the editor's work.

#include <cstdint>
#include <span>
#include <string_view>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_request.hpp"
#include "gazette/editorial/article_editor.hpp"
#include "gazette/editorial/article_input.hpp"

namespace gazette::admin {

/// The audit action of a save made with mode: published, scheduled, submitted for review, or else
/// created (a new article) or updated.
std::string_view ArticleSaveAction(editorial::PublishMode mode, bool created);

/// The audit action of a bulk action: published, archived, deleted (into the bin) or unpublished
/// (back to draft).
std::string_view ArticleBulkAction(editorial::BulkAction action);

/// Appends one entry per article id: target "article <id>", detail as given.
void RecordArticleAudit(const AdminContext& ctx, const AdminRequest& request, std::string_view action,
                        std::span<const std::int64_t> ids, std::string_view detail = {});

}  // namespace gazette::admin
