#pragma once
/// PanelScreen: /admin/articles/{id}/panel, turning an article into an expert panel: its question and
/// lead, and the experts' contributions (add, edit, move up and down, remove). Plain forms that work
/// without JavaScript. The decisions (who may change what, what is valid) are editorial::PanelEditor's.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/editorial/panel_editor.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class PanelScreen {
 public:
  PanelScreen(const AdminContext& ctx, const AdminPages& pages)
      : ctx_(ctx), pages_(pages), editor_(ctx.storage, ctx.clock) {}

  void Register(AdminRoutes& routes) const;

 private:
  /// What the panel page's two forms hold: as stored, or as typed when a save was refused.
  struct PanelForms {
    std::optional<editorial::PanelInput> panel;  ///< unset: the stored question and lead
    std::vector<editorial::FieldError> panel_errors;
    editorial::ContributionInput contribution;  ///< the "add a contribution" form
    std::vector<editorial::FieldError> contribution_errors;
  };

  http::Response Show(AdminRequest& request) const;
  http::Response SavePanel(AdminRequest& request) const;
  http::Response RemovePanel(AdminRequest& request) const;
  http::Response AddContribution(AdminRequest& request) const;
  http::Response EditContribution(AdminRequest& request) const;
  http::Response SaveContribution(AdminRequest& request) const;
  http::Response MoveContribution(AdminRequest& request) const;
  http::Response RemoveContribution(AdminRequest& request) const;

  http::Response PanelPage(AdminRequest& request, const editorial::PanelDesk& desk, const PanelForms& forms,
                           unsigned status) const;
  http::Response ContributionPage(AdminRequest& request, const editorial::PanelDesk& desk,
                                  std::int64_t contribution_id, const editorial::ContributionInput& input,
                                  const std::vector<editorial::FieldError>& errors, unsigned status) const;
  /// The contribution form's keys (expert_name ... answer_markdown, the photo choices, a problem per
  /// field) added to view.
  Status AddContributionFields(render::View& view, const editorial::ContributionInput& input,
                               const std::vector<editorial::FieldError>& errors) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
  editorial::PanelEditor editor_;
};

}  // namespace gazette::admin
