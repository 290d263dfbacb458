#pragma once
/// What the article, panel and comment screens write to the audit log: who created, changed, published,
/// scheduled, withdrew or deleted which article, changed which expert panel, moderated or edited which
/// comment. Recorded after the change is stored; a failure to record is logged and does not undo the
/// editor's work.

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

/// Appends one entry per id: target "<kind> <id>" ("article 12", "comment 7"), detail as given.
void RecordAudit(const AdminContext& ctx, const AdminRequest& request, std::string_view action,
                 std::string_view kind, std::span<const std::int64_t> ids, std::string_view detail = {});

/// RecordAudit for articles (a panel's changes are its article's).
void RecordArticleAudit(const AdminContext& ctx, const AdminRequest& request, std::string_view action,
                        std::span<const std::int64_t> ids, std::string_view detail = {});

}  // namespace gazette::admin
