#pragma once
/// The article editor's form: reading what it sent into an editorial::ArticleInput, and drawing it (for a
/// new article, an existing one, or again after a refusal, with what was typed and the messages beside
/// their fields). The fields a role may not change are neither shown to it nor read from it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_request.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/article.hpp"
#include "gazette/editorial/article_editor.hpp"
#include "gazette/render/view.hpp"

namespace gazette::admin {

/// What one submission of the editor's form asks for.
struct ArticleFormInput {
  editorial::ArticleInput input;
  /// Fields that could not be read at all (a number that is not one), worded like the service's.
  std::vector<editorial::FieldError> field_errors;
  std::optional<std::int64_t> version;  ///< empty when missing or not a number
  bool preview = false;                 ///< the Preview button: show the rendered text, save nothing
  /// The button pressed, when it names a publish mode; empty for none or an unknown one.
  std::optional<editorial::PublishMode> mode;
};

/// Reads request.form. Featuring and the unpublish time are read only from users with kPublish, the author
/// only from users with kEditAnyArticle (others write as their own profile).
ArticleFormInput ReadArticleForm(const AdminRequest& request);

/// Everything the editor's page shows besides the fields' values.
struct ArticleFormPage {
  const editorial::ArticleInput* input = nullptr;  ///< the values shown; required
  std::int64_t id = 0;                             ///< 0 for a new article
  std::int64_t version = 1;
  domain::ArticleState state = domain::ArticleState::kDraft;
  bool review_requested = false;
  bool slug_locked = false;
  bool read_only = false;
  std::vector<editorial::FieldError> field_errors;
  std::string problem;  ///< shown at the top (a conflict, a damaged form)
};

/// The view of pages/article-edit for page, with the category and author lists and the recent images
/// from storage. Storage errors as the stores'.
Result<render::View> ArticleFormView(const AdminContext& ctx, const AdminRequest& request, render::View view,
                                     const ArticleFormPage& page);

/// Most recent images the editor's side panel offers to insert.
inline constexpr std::int64_t kEditorRecentImages = 12;

}  // namespace gazette::admin
