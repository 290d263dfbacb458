#include "gazette/editorial/panel_editor.hpp"

#include <fmt/format.h>

#include "gazette/render/markdown.hpp"

namespace gazette::editorial {
namespace {

using domain::ArticleState;
using domain::Permission;

Error Forbidden(std::string message) {
  return MakeError(ErrorCode::kForbidden, std::move(message));
}

/// The rule of ArticleEditor: an author changes only their own drafts; editors change any article.
bool ReadOnlyFor(const domain::User& user, const domain::Article& article) {
  return !domain::Can(user.role, Permission::kPublish) && article.state != ArticleState::kDraft;
}

}  // namespace

Result<PanelDesk> PanelEditor::Open(std::int64_t article_id, const domain::User& user) const {
  Result<domain::Article> article = storage_.articles().FindById(article_id);
  if (!article.ok()) return std::move(article).error();
  if (user.disabled || !domain::CanEditArticle(user, article->author_id)) {
    return Forbidden("You can only open your own articles; this one belongs to another author.");
  }
  auto panel = storage_.panels().FindByArticle(article_id);
  if (!panel.ok()) return std::move(panel).error();
  PanelDesk desk;
  desk.read_only = ReadOnlyFor(user, *article);
  desk.article = std::move(article).value();
  desk.panel = std::move(panel).value();
  return desk;
}

Result<domain::Article> PanelEditor::Writable(std::int64_t article_id, const domain::User& user) const {
  Result<domain::Article> article = storage_.articles().FindById(article_id);
  if (!article.ok()) return std::move(article).error();
  if (user.disabled) return Forbidden("Your account is disabled.");
  if (!domain::CanEditArticle(user, article->author_id)) {
    return Forbidden("You can only edit your own articles; this one belongs to another author.");
  }
  if (ReadOnlyFor(user, *article)) {
    return Forbidden(fmt::format("This article is {} now; only an editor can change it.",
                                 domain::ArticleStateName(article->state)));
  }
  return article;
}

Result<PanelOutcome> PanelEditor::SavePanel(std::int64_t article_id, const PanelInput& input,
                                            const domain::User& user) const {
  if (auto article = Writable(article_id, user); !article.ok()) return std::move(article).error();
  PanelOutcome outcome;
  PanelInput checked;
  outcome.field_errors = CheckPanelInput(input, checked);
  if (!outcome.saved()) return outcome;
  if (Status saved = storage_.panels().SavePanel(article_id, checked.question, checked.lead, clock_.Now());
      !saved.ok()) {
    return std::move(saved).error();
  }
  return outcome;
}

Status PanelEditor::RemovePanel(std::int64_t article_id, const domain::User& user) const {
  if (auto article = Writable(article_id, user); !article.ok()) return std::move(article).error();
  return storage_.panels().RemovePanel(article_id, clock_.Now());
}

Result<PanelOutcome> PanelEditor::AddContribution(std::int64_t article_id, const ContributionInput& input,
                                                  const domain::User& user) const {
  return WriteContribution(article_id, std::nullopt, input, user);
}

Result<PanelOutcome> PanelEditor::UpdateContribution(std::int64_t article_id, std::int64_t contribution_id,
                                                     const ContributionInput& input,
                                                     const domain::User& user) const {
  return WriteContribution(article_id, contribution_id, input, user);
}

Result<PanelOutcome> PanelEditor::WriteContribution(std::int64_t article_id,
                                                    std::optional<std::int64_t> contribution_id,
                                                    const ContributionInput& input,
                                                    const domain::User& user) const {
  if (auto article = Writable(article_id, user); !article.ok()) return std::move(article).error();
  PanelOutcome outcome;
  CheckedContribution checked;
  outcome.field_errors = CheckContributionInput(input, checked);
  if (!outcome.saved()) return outcome;

  storage::ContributionFields fields;
  fields.expert_name = std::move(checked.expert_name);
  fields.expert_role = std::move(checked.expert_role);
  fields.expert_organisation = std::move(checked.expert_organisation);
  fields.photo_media_id = checked.photo_media_id;
  fields.answer_html = render::MarkdownToHtml(checked.answer_markdown);
  fields.answer_markdown = std::move(checked.answer_markdown);

  const Timestamp now = clock_.Now();
  if (contribution_id) {
    Status saved = storage_.panels().UpdateContribution(article_id, *contribution_id, fields, now);
    if (saved.ok()) {
      outcome.contribution_id = *contribution_id;
      return outcome;
    }
    if (saved.error().code != ErrorCode::kInvalid) return std::move(saved).error();
    outcome.field_errors.push_back({"photo", "Choose a photo from the media library."});
    return outcome;
  }
  // A full panel is told before the answer is stored, beside the form (the store refuses it too).
  auto panel = storage_.panels().FindByArticle(article_id);
  if (!panel.ok()) return std::move(panel).error();
  if (!panel->has_value()) {
    return MakeError(ErrorCode::kNotFound, "This article is not an expert panel yet: save its question first.");
  }
  if ((*panel)->contributions.size() >= domain::kMaxContributions) {
    outcome.field_errors.push_back(
        {"panel", fmt::format("A panel has at most {} contributions; remove one before adding another.",
                              domain::kMaxContributions)});
    return outcome;
  }
  Result<std::int64_t> added = storage_.panels().AddContribution(article_id, fields, now);
  if (added.ok()) {
    outcome.contribution_id = *added;
    return outcome;
  }
  if (added.error().code != ErrorCode::kInvalid) return std::move(added).error();
  // What the form's checks cannot know: the photo left the library meanwhile.
  outcome.field_errors.push_back({"photo", "Choose a photo from the media library."});
  return outcome;
}

Status PanelEditor::MoveContribution(std::int64_t article_id, std::int64_t contribution_id,
                                     storage::MoveDirection direction, const domain::User& user) const {
  if (auto article = Writable(article_id, user); !article.ok()) return std::move(article).error();
  return storage_.panels().MoveContribution(article_id, contribution_id, direction, clock_.Now());
}

Status PanelEditor::RemoveContribution(std::int64_t article_id, std::int64_t contribution_id,
                                       const domain::User& user) const {
  if (auto article = Writable(article_id, user); !article.ok()) return std::move(article).error();
  return storage_.panels().RemoveContribution(article_id, contribution_id, clock_.Now());
}

}  // namespace gazette::editorial
