#include "gazette/admin/article_edit_screen.hpp"

#include <array>

#include <fmt/format.h>

#include <boost/json.hpp>

#include "gazette/admin/article_audit.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/editorial/article_input.hpp"
#include "gazette/render/markdown.hpp"

namespace gazette::admin {
namespace {

using domain::Permission;
using editorial::PublishMode;

constexpr std::string_view kChooseButton =
    "Choose what to do with the article: one of the buttons below the form.";
constexpr std::string_view kDamagedForm =
    "The form was damaged on its way (its version is missing). Copy your changes, reload the article and "
    "apply them again.";

/// The notice after a save: what happened, in the editor's words.
std::string_view DoneCode(PublishMode mode, bool created) {
  switch (mode) {
    case PublishMode::kPublishNow:
      return "published";
    case PublishMode::kSchedule:
      return "scheduled";
    case PublishMode::kSubmitForReview:
      return "submitted";
    case PublishMode::kSaveDraft:
    case PublishMode::kKeepState:
      break;
  }
  return created ? "created" : "saved";
}

}  // namespace

void ArticleEditScreen::Register(AdminRoutes& routes) const {
  const auto write = Permission::kWriteOwnArticles;
  routes.Get("/admin/articles/new", write, [this](AdminRequest& request) { return New(request); });
  routes.Post("/admin/articles", write, [this](AdminRequest& request) { return Create(request); });
  routes.Post("/admin/articles/preview", write, [this](AdminRequest& request) { return Preview(request); });
  routes.Get("/admin/articles/{id}", write, [this](AdminRequest& request) { return Edit(request); });
  routes.Post("/admin/articles/{id}", write, [this](AdminRequest& request) { return Save(request); });
  routes.Get("/admin/api/tags", write, [this](AdminRequest& request) { return TagSuggestions(request); });
}

http::Response ArticleEditScreen::Page(AdminRequest& request, const ArticleFormPage& page,
                                       unsigned status) const {
  const std::string title = page.id == 0                ? std::string("New article")
                            : page.input->title.empty() ? std::string("Edit article")
                                                        : "Edit: " + page.input->title;
  auto view = ArticleFormView(ctx_, request, pages_.PageView(request, title), page);
  if (!view.ok()) return pages_.ServiceError(request, view.error());
  return pages_.Render("article-edit", std::move(view).value(), status);
}

http::Response ArticleEditScreen::New(AdminRequest& request) const {
  editorial::ArticleInput input;
  if (request.user().author_id) input.author_id = *request.user().author_id;
  ArticleFormPage page;
  page.input = &input;
  return Page(request, page, 200);
}

http::Response ArticleEditScreen::Create(AdminRequest& request) const {
  ArticleFormInput form = ReadArticleForm(request);
  ArticleFormPage page;
  page.input = &form.input;
  if (form.preview) return Page(request, page, 200);
  if (!form.mode) {
    page.field_errors.push_back({"mode", std::string(kChooseButton)});
    return Page(request, page, 400);
  }
  if (!form.field_errors.empty()) {
    page.field_errors = form.field_errors;
    return Page(request, page, 400);
  }
  auto outcome = ctx_.editor.Create(form.input, request.user());
  if (!outcome.ok()) {
    if (outcome.error().code != ErrorCode::kConflict) return pages_.ServiceError(request, outcome.error());
    page.problem = outcome.error().message;
    return Page(request, page, 409);
  }
  if (!outcome->saved()) {
    page.field_errors = outcome->field_errors;
    return Page(request, page, 400);
  }
  RecordArticleAudit(ctx_, request, ArticleSaveAction(*form.mode, true), std::array{outcome->id});
  return http::Response::SeeOther(
      fmt::format("/admin/articles/{}?done={}", outcome->id, DoneCode(*form.mode, true)));
}

http::Response ArticleEditScreen::Edit(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no article at this address.", &request);
  auto stored = ctx_.editor.FormFor(*id, request.user());
  if (!stored.ok()) return pages_.ServiceError(request, stored.error());
  ArticleFormPage page;
  page.input = &stored->input;
  page.id = stored->id;
  page.version = stored->version;
  page.state = stored->state;
  page.review_requested = stored->review_requested;
  page.slug_locked = stored->slug_locked;
  page.read_only = stored->read_only;
  return Page(request, page, 200);
}

http::Response ArticleEditScreen::Save(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no article at this address.", &request);
  // The stored article first: an unknown id or someone else's article is refused before the form is read.
  auto stored = ctx_.editor.FormFor(*id, request.user());
  if (!stored.ok()) return pages_.ServiceError(request, stored.error());
  ArticleFormInput form = ReadArticleForm(request);
  ArticleFormPage page;
  page.input = &form.input;
  page.id = stored->id;
  // What the form started from stays in it, so that a refused form cannot silently overwrite a newer text.
  page.version = form.version.value_or(stored->version);
  page.state = stored->state;
  page.review_requested = stored->review_requested;
  page.slug_locked = stored->slug_locked;
  page.read_only = stored->read_only;
  if (form.preview) return Page(request, page, 200);
  if (!form.version) {
    page.problem = std::string(kDamagedForm);
    return Page(request, page, 400);
  }
  if (!form.mode) {
    page.field_errors.push_back({"mode", std::string(kChooseButton)});
    return Page(request, page, 400);
  }
  if (!form.field_errors.empty()) {
    page.field_errors = form.field_errors;
    return Page(request, page, 400);
  }
  auto outcome = ctx_.editor.Save(*id, form.input, *form.version, request.user());
  if (!outcome.ok()) {
    if (outcome.error().code != ErrorCode::kConflict) return pages_.ServiceError(request, outcome.error());
    page.problem = outcome.error().message;
    return Page(request, page, 409);
  }
  if (!outcome->saved()) {
    page.field_errors = outcome->field_errors;
    return Page(request, page, 400);
  }
  RecordArticleAudit(ctx_, request, ArticleSaveAction(*form.mode, false), std::array{*id});
  return http::Response::SeeOther(
      fmt::format("/admin/articles/{}?done={}", *id, DoneCode(*form.mode, false)));
}

http::Response ArticleEditScreen::Preview(AdminRequest& request) const {
  const std::string_view intro = request.form.Get("intro_markdown").value_or("");
  const std::string_view body = request.form.Get("body_markdown").value_or("");
  if (intro.size() > editorial::kMaxIntroBytes || body.size() > render::kMaxMarkdownBytes) {
    return pages_.Error(&request.http, 413,
                        "The text is longer than an article may be, so it is not previewed.", &request);
  }
  boost::json::object answer;
  answer["intro_html"] = render::MarkdownToHtml(intro);
  answer["body_html"] = render::MarkdownToHtml(body);
  return AdminPages::Json(200, boost::json::serialize(answer));
}

http::Response ArticleEditScreen::TagSuggestions(AdminRequest& request) const {
  const std::string_view prefix = request.http.Query("prefix").value_or("");
  if (prefix.size() > kMaxTagPrefixBytes) {
    return pages_.Error(&request.http, 400, "The start of a tag name is at most 100 bytes long.", &request);
  }
  boost::json::array names;
  if (!prefix.empty()) {
    auto tags = ctx_.storage.catalog().TagsWithPrefix(prefix, kTagSuggestions);
    if (!tags.ok()) return pages_.ServiceError(request, tags.error());
    for (const auto& tag : *tags) names.emplace_back(tag.name);
  }
  boost::json::object answer;
  answer["tags"] = std::move(names);
  return AdminPages::Json(200, boost::json::serialize(answer));
}

}  // namespace gazette::admin
