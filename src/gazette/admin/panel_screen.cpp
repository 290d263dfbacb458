#include "gazette/admin/panel_screen.hpp"

#include <fmt/format.h>

#include <array>

#include "gazette/accounts/audit_actions.hpp"
#include "gazette/admin/article_audit.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/domain/expert_panel.hpp"

namespace gazette::admin {
namespace {

using domain::Permission;
using editorial::ContributionInput;
using editorial::FieldError;

/// How many of the newest library images the photo list offers, as for authors' photos.
constexpr std::int64_t kPhotoChoices = 200;
constexpr std::string_view kNoArticle = "There is no article at this address.";
constexpr std::string_view kNoContribution = "There is no such contribution in this panel.";

std::string PanelPath(std::int64_t article_id) {
  return fmt::format("/admin/articles/{}/panel", article_id);
}

/// Sets key to text, or to false when text is empty: a {{#key}} section treats an empty string as present.
void SetText(render::View& view, const std::string& key, const std::string& text) {
  if (text.empty()) {
    view.set(key, false);
  } else {
    view.set(key, text);
  }
}

std::string ProblemOf(const std::vector<FieldError>& errors, std::string_view field) {
  for (const FieldError& e : errors) {
    if (e.field == field) return e.message;
  }
  return {};
}

/// The form's text, as typed (the editor trims and checks it).
std::string Field(const AdminRequest& request, std::string_view name) {
  return std::string(request.form.Get(name).value_or(""));
}

ContributionInput ReadContribution(const AdminRequest& request) {
  ContributionInput input;
  input.expert_name = Field(request, "expert_name");
  input.expert_role = Field(request, "expert_role");
  input.expert_organisation = Field(request, "expert_organisation");
  input.photo = Field(request, "photo");
  input.answer_markdown = Field(request, "answer_markdown");
  return input;
}

ContributionInput InputOf(const domain::PanelContribution& c) {
  ContributionInput input;
  input.expert_name = c.expert_name;
  input.expert_role = c.expert_role;
  input.expert_organisation = c.expert_organisation;
  if (c.photo) input.photo = std::to_string(c.photo->id);
  input.answer_markdown = c.answer_markdown;
  return input;
}

}  // namespace

void PanelScreen::Register(AdminRoutes& routes) const {
  // The same permission as the article editor: the editor then decides per article (authors: own drafts).
  const auto write = Permission::kWriteOwnArticles;
  routes.Get("/admin/articles/{id}/panel", write, [this](AdminRequest& r) { return Show(r); });
  routes.Post("/admin/articles/{id}/panel", write, [this](AdminRequest& r) { return SavePanel(r); });
  routes.Post("/admin/articles/{id}/panel/remove", write, [this](AdminRequest& r) { return RemovePanel(r); });
  routes.Post("/admin/articles/{id}/panel/contributions", write,
              [this](AdminRequest& r) { return AddContribution(r); });
  routes.Get("/admin/articles/{id}/panel/contributions/{contribution}", write,
             [this](AdminRequest& r) { return EditContribution(r); });
  routes.Post("/admin/articles/{id}/panel/contributions/{contribution}", write,
              [this](AdminRequest& r) { return SaveContribution(r); });
  routes.Post("/admin/articles/{id}/panel/contributions/{contribution}/move", write,
              [this](AdminRequest& r) { return MoveContribution(r); });
  routes.Post("/admin/articles/{id}/panel/contributions/{contribution}/delete", write,
              [this](AdminRequest& r) { return RemoveContribution(r); });
}

Status PanelScreen::AddContributionFields(render::View& view, const ContributionInput& input,
                                          const std::vector<FieldError>& errors) const {
  view.set("expert_name", input.expert_name);
  view.set("expert_role", input.expert_role);
  view.set("expert_organisation", input.expert_organisation);
  view.set("answer_markdown", input.answer_markdown);
  for (std::string_view field :
       {"expert_name", "expert_role", "expert_organisation", "photo", "answer_markdown", "panel"}) {
    SetText(view, fmt::format("error_{}", field), ProblemOf(errors, field));
  }
  auto images = ctx_.storage.media().List(0, kPhotoChoices);
  if (!images.ok()) return std::move(images).error();
  render::View photos{render::View::type::list};
  render::View none;
  none.set("value", std::string());
  none.set("label", std::string("(no photo)"));
  none.set("selected", input.photo.empty());
  photos.push_back(none);
  bool listed = input.photo.empty();
  for (const auto& item : *images) {
    const std::string value = std::to_string(item.id);
    const std::string& label = item.alt.empty() ? item.original_name : item.alt;
    render::View option;
    option.set("value", value);
    option.set("label", fmt::format("{} ({}\u00d7{})", label.empty() ? "Image " + value : label, item.width,
                                    item.height));
    option.set("selected", value == input.photo);
    listed = listed || value == input.photo;
    photos.push_back(option);
  }
  // A photo older than the newest images stays choosable, so that saving does not drop it.
  if (!listed) {
    render::View option;
    option.set("value", input.photo);
    option.set("label", "Current photo (image " + input.photo + ")");
    option.set("selected", true);
    photos.push_back(option);
  }
  view.set("photos", photos);
  return OkStatus();
}

http::Response PanelScreen::PanelPage(AdminRequest& request, const editorial::PanelDesk& desk,
                                      const PanelForms& forms, unsigned status) const {
  const domain::Article& article = desk.article;
  render::View view = pages_.PageView(request, "Expert panel: " + article.title);
  view.set("id", std::to_string(article.id));
  view.set("title", article.title);
  view.set("read_only", desk.read_only);
  view.set("is_panel", desk.panel.has_value());
  editorial::PanelInput panel;
  if (forms.panel) {
    panel = *forms.panel;
  } else if (desk.panel) {
    panel.question = desk.panel->question;
    panel.lead = desk.panel->lead;
  }
  view.set("question", panel.question);
  view.set("lead", panel.lead);
  SetText(view, "error_question", ProblemOf(forms.panel_errors, "question"));
  SetText(view, "error_lead", ProblemOf(forms.panel_errors, "lead"));

  render::View contributions{render::View::type::list};
  std::size_t count = 0;
  if (desk.panel) {
    count = desk.panel->contributions.size();
    for (std::size_t i = 0; i < count; ++i) {
      const domain::PanelContribution& c = desk.panel->contributions[i];
      render::View item;
      item.set("contribution_id", std::to_string(c.id));
      item.set("position", std::to_string(i + 1));
      item.set("name", c.expert_name);
      SetText(item, "role", c.expert_role);
      SetText(item, "organisation", c.expert_organisation);
      item.set("has_photo", c.photo.has_value());
      item.set("can_move_up", i > 0);
      item.set("can_move_down", i + 1 < count);
      contributions.push_back(item);
    }
  }
  view.set("contributions", contributions);
  view.set("has_contributions", count > 0);
  view.set("count", std::to_string(count));
  view.set("max_contributions", std::to_string(domain::kMaxContributions));
  view.set("can_add", desk.panel.has_value() && !desk.read_only && count < domain::kMaxContributions);
  if (Status ok = AddContributionFields(view, forms.contribution, forms.contribution_errors); !ok.ok()) {
    return pages_.ServiceError(request, ok.error());
  }
  if (status == 400) view.set("problem", std::string("Nothing was saved: see the messages below."));
  return pages_.Render("panel", std::move(view), status);
}

http::Response PanelScreen::Show(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, kNoArticle, &request);
  auto desk = editor_.Open(*id, request.user());
  if (!desk.ok()) return pages_.ServiceError(request, desk.error());
  return PanelPage(request, *desk, PanelForms{}, 200);
}

http::Response PanelScreen::SavePanel(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, kNoArticle, &request);
  editorial::PanelInput input{Field(request, "question"), Field(request, "lead")};
  auto outcome = editor_.SavePanel(*id, input, request.user());
  if (!outcome.ok()) return pages_.ServiceError(request, outcome.error());
  if (!outcome->saved()) {
    auto desk = editor_.Open(*id, request.user());
    if (!desk.ok()) return pages_.ServiceError(request, desk.error());
    PanelForms forms;
    forms.panel = input;
    forms.panel_errors = outcome->field_errors;
    return PanelPage(request, *desk, forms, 400);
  }
  RecordArticleAudit(ctx_, request, accounts::audit_action::kPanelSaved, std::array{*id});
  return http::Response::SeeOther(PanelPath(*id) + "?done=saved");
}

http::Response PanelScreen::RemovePanel(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, kNoArticle, &request);
  if (Status removed = editor_.RemovePanel(*id, request.user()); !removed.ok()) {
    return pages_.ServiceError(request, removed.error());
  }
  RecordArticleAudit(ctx_, request, accounts::audit_action::kPanelRemoved, std::array{*id});
  return http::Response::SeeOther(PanelPath(*id) + "?done=panel-removed");
}

http::Response PanelScreen::AddContribution(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, kNoArticle, &request);
  const ContributionInput input = ReadContribution(request);
  auto outcome = editor_.AddContribution(*id, input, request.user());
  if (!outcome.ok()) return pages_.ServiceError(request, outcome.error());
  if (!outcome->saved()) {
    auto desk = editor_.Open(*id, request.user());
    if (!desk.ok()) return pages_.ServiceError(request, desk.error());
    PanelForms forms;
    forms.contribution = input;
    forms.contribution_errors = outcome->field_errors;
    return PanelPage(request, *desk, forms, 400);
  }
  RecordArticleAudit(ctx_, request, accounts::audit_action::kPanelContributionAdded, std::array{*id}, input.expert_name);
  return http::Response::SeeOther(PanelPath(*id) + "?done=contribution-added");
}

http::Response PanelScreen::ContributionPage(AdminRequest& request, const editorial::PanelDesk& desk,
                                             std::int64_t contribution_id, const ContributionInput& input,
                                             const std::vector<FieldError>& errors, unsigned status) const {
  render::View view = pages_.PageView(request, "Edit contribution: " + desk.article.title);
  view.set("id", std::to_string(desk.article.id));
  view.set("title", desk.article.title);
  view.set("contribution_id", std::to_string(contribution_id));
  view.set("read_only", desk.read_only);
  if (Status ok = AddContributionFields(view, input, errors); !ok.ok()) {
    return pages_.ServiceError(request, ok.error());
  }
  if (status == 400) view.set("problem", std::string("Nothing was saved: see the messages below."));
  return pages_.Render("panel-contribution", std::move(view), status);
}

http::Response PanelScreen::EditContribution(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  const auto contribution = ParseRecordId(request.http.Param("contribution"));
  if (!id || !contribution) return pages_.Error(&request.http, 404, kNoContribution, &request);
  auto desk = editor_.Open(*id, request.user());
  if (!desk.ok()) return pages_.ServiceError(request, desk.error());
  if (desk->panel) {
    for (const auto& c : desk->panel->contributions) {
      if (c.id == *contribution) return ContributionPage(request, *desk, c.id, InputOf(c), {}, 200);
    }
  }
  return pages_.Error(&request.http, 404, kNoContribution, &request);
}

http::Response PanelScreen::SaveContribution(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  const auto contribution = ParseRecordId(request.http.Param("contribution"));
  if (!id || !contribution) return pages_.Error(&request.http, 404, kNoContribution, &request);
  const ContributionInput input = ReadContribution(request);
  auto outcome = editor_.UpdateContribution(*id, *contribution, input, request.user());
  if (!outcome.ok()) return pages_.ServiceError(request, outcome.error());
  if (!outcome->saved()) {
    auto desk = editor_.Open(*id, request.user());
    if (!desk.ok()) return pages_.ServiceError(request, desk.error());
    return ContributionPage(request, *desk, *contribution, input, outcome->field_errors, 400);
  }
  RecordArticleAudit(ctx_, request, accounts::audit_action::kPanelContributionUpdated, std::array{*id},
                     fmt::format("contribution {}", *contribution));
  return http::Response::SeeOther(PanelPath(*id) + "?done=saved");
}

http::Response PanelScreen::MoveContribution(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  const auto contribution = ParseRecordId(request.http.Param("contribution"));
  if (!id || !contribution) return pages_.Error(&request.http, 404, kNoContribution, &request);
  const std::string_view direction = request.form.Get("direction").value_or("");
  if (direction != "up" && direction != "down") {
    return pages_.Error(&request.http, 400, "Move a contribution up or down.", &request);
  }
  const auto way = direction == "up" ? storage::MoveDirection::kUp : storage::MoveDirection::kDown;
  if (Status moved = editor_.MoveContribution(*id, *contribution, way, request.user()); !moved.ok()) {
    return pages_.ServiceError(request, moved.error());
  }
  RecordArticleAudit(ctx_, request, accounts::audit_action::kPanelContributionMoved, std::array{*id},
                     fmt::format("contribution {} {}", *contribution, direction));
  return http::Response::SeeOther(PanelPath(*id) + "?done=reordered");
}

http::Response PanelScreen::RemoveContribution(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  const auto contribution = ParseRecordId(request.http.Param("contribution"));
  if (!id || !contribution) return pages_.Error(&request.http, 404, kNoContribution, &request);
  if (Status removed = editor_.RemoveContribution(*id, *contribution, request.user()); !removed.ok()) {
    return pages_.ServiceError(request, removed.error());
  }
  RecordArticleAudit(ctx_, request, accounts::audit_action::kPanelContributionRemoved, std::array{*id},
                     fmt::format("contribution {}", *contribution));
  return http::Response::SeeOther(PanelPath(*id) + "?done=contribution-removed");
}

}  // namespace gazette::admin
