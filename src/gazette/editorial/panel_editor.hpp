#pragma once
/// PanelEditor: the back office's desk for expert panels. Decides who may change an article's panel (the
/// same people who may edit the article: authors only their own drafts), checks what they send, renders
/// each answer's Markdown once (safe mode, like article bodies) and stores it through the PanelStore.

#include <cstdint>
#include <optional>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/article.hpp"
#include "gazette/domain/expert_panel.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/editorial/panel_input.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::editorial {

/// An article and its panel as the panel screen shows them.
struct PanelDesk {
  domain::Article article;
  std::optional<domain::ExpertPanel> panel;  ///< empty while the article is not a panel
  bool read_only = false;  ///< the user may look but not change (an author's article past the draft stage)
};

/// What a save did, or why nothing was saved.
struct PanelOutcome {
  /// Non-empty: nothing was saved; show each message beside its field and keep what was typed.
  std::vector<FieldError> field_errors;
  std::int64_t contribution_id = 0;  ///< the contribution added or changed

  bool saved() const { return field_errors.empty(); }
};

/// Thread-safe when storage is (the service holds no mutable state).
class PanelEditor {
 public:
  /// storage and clock must outlive the editor.
  PanelEditor(storage::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  /// Article id with its panel. kForbidden when user may not edit the article; kNotFound for none.
  Result<PanelDesk> Open(std::int64_t article_id, const domain::User& user) const;

  /// Makes the article a panel, or changes its question and lead. kForbidden when user may not change
  /// the article (see PanelDesk::read_only); kNotFound for an unknown article. Field errors in the outcome.
  Result<PanelOutcome> SavePanel(std::int64_t article_id, const PanelInput& input, const domain::User& user) const;
  /// Makes the article an ordinary one again, deleting every contribution. Refusals as SavePanel.
  Status RemovePanel(std::int64_t article_id, const domain::User& user) const;

  /// Adds an expert's contribution at the end. Refusals as SavePanel; a panel that is full, or a photo
  /// not in the library, comes back as a field error.
  Result<PanelOutcome> AddContribution(std::int64_t article_id, const ContributionInput& input,
                                       const domain::User& user) const;
  /// Replaces a contribution's fields. As AddContribution; kNotFound when it is not one of the article's.
  Result<PanelOutcome> UpdateContribution(std::int64_t article_id, std::int64_t contribution_id,
                                          const ContributionInput& input, const domain::User& user) const;
  /// Moves a contribution one place up or down. Refusals as UpdateContribution.
  Status MoveContribution(std::int64_t article_id, std::int64_t contribution_id,
                          storage::MoveDirection direction, const domain::User& user) const;
  /// Deletes a contribution. Refusals as UpdateContribution.
  Status RemoveContribution(std::int64_t article_id, std::int64_t contribution_id,
                            const domain::User& user) const;

 private:
  /// The article, when user may change it; kForbidden or kNotFound otherwise.
  Result<domain::Article> Writable(std::int64_t article_id, const domain::User& user) const;
  Result<PanelOutcome> WriteContribution(std::int64_t article_id, std::optional<std::int64_t> contribution_id,
                                         const ContributionInput& input, const domain::User& user) const;

  storage::Storage& storage_;
  const Clock& clock_;
};

}  // namespace gazette::editorial
