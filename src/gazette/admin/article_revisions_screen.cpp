#include "gazette/admin/article_revisions_screen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "gazette/admin/article_audit.hpp"
#include "gazette/accounts/audit_actions.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/domain/text_diff.hpp"
#include "gazette/editorial/local_date_time.hpp"

namespace gazette::admin {
namespace {

using domain::Permission;

constexpr std::string_view kNoArticle = "There is no article at this address.";

std::string LocalTime(Timestamp t, const TimeZone& zone) {
  std::string text = editorial::FormatLocalDateTime(t, zone);
  std::replace(text.begin(), text.end(), 'T', ' ');
  return text;
}

/// One compared text as the diff template shows it: runs of lines kept, deleted or inserted.
render::View DiffView(std::string_view label, std::string_view before, std::string_view after) {
  const domain::TextDiff diff = domain::DiffLines(before, after);
  render::View hunks{render::View::type::list};
  for (const auto& hunk : diff.hunks) {
    // Each run is a block of its own (admin.css), so its lines are joined without a final line end.
    std::string text;
    for (std::size_t i = 0; i < hunk.lines.size(); ++i) {
      if (i > 0) text += '\n';
      text += hunk.lines[i];
    }
    render::View item;
    item.set("text", text);
    item.set("equal", hunk.op == domain::DiffOp::kEqual);
    item.set("deleted", hunk.op == domain::DiffOp::kDelete);
    item.set("inserted", hunk.op == domain::DiffOp::kInsert);
    hunks.push_back(item);
  }
  render::View part;
  part.set("label", std::string(label));
  part.set("hunks", hunks);
  part.set("unchanged", before == after);
  part.set("coarse", !diff.exact);
  return part;
}

}  // namespace

void ArticleRevisionsScreen::Register(AdminRoutes& routes) const {
  const auto write = Permission::kWriteOwnArticles;
  routes.Get("/admin/articles/{id}/revisions", write,
             [this](AdminRequest& request) { return List(request); });
  routes.Get("/admin/articles/{id}/revisions/diff", write,
             [this](AdminRequest& request) { return Diff(request); });
  routes.Post("/admin/articles/{id}/revisions/{rev}/restore", write,
              [this](AdminRequest& request) { return Restore(request); });
}

http::Response ArticleRevisionsScreen::List(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, kNoArticle, &request);
  // The editor's form decides who may see the article, and gives the version a restore must name.
  auto article = ctx_.editor.FormFor(*id, request.user());
  if (!article.ok()) return pages_.ServiceError(request, article.error());
  auto revisions = ctx_.storage.articles().ListRevisions(*id);
  if (!revisions.ok()) return pages_.ServiceError(request, revisions.error());
  auto users = ctx_.storage.accounts().ListUsers();
  if (!users.ok()) return pages_.ServiceError(request, users.error());
  std::map<std::int64_t, std::string> names;
  for (const auto& user : *users) names[user.id] = user.name;

  render::View view = pages_.PageView(request, "Revisions: " + article->input.title);
  view.set("id", std::to_string(*id));
  view.set("title", article->input.title);
  view.set("version_expected", std::to_string(article->version));
  view.set("can_restore", !article->read_only);
  render::View rows{render::View::type::list};
  for (std::size_t i = 0; i < revisions->size(); ++i) {
    const auto& revision = (*revisions)[i];
    render::View row;
    row.set("rev", std::to_string(revision.id));
    row.set("version", std::to_string(revision.version));
    row.set("title", revision.title);
    row.set("state", std::string(domain::ArticleStateName(revision.state)));
    row.set("saved_at", LocalTime(revision.saved_at, ctx_.dates.zone()));
    std::string who = "the system (import or command line)";
    if (revision.saved_by) {
      auto found = names.find(*revision.saved_by);
      who = found != names.end() ? found->second : "a removed user";
    }
    row.set("saved_by", who);
    row.set("current", revision.version == article->version);
    // Newest first: the usual comparison is the previous revision against the newest.
    row.set("from_checked", revisions->size() > 1 ? i == 1 : i == 0);
    row.set("to_checked", i == 0);
    rows.push_back(row);
  }
  view.set("revisions", rows);
  view.set("comparable", revisions->size() > 1);
  return pages_.Render("article-revisions", std::move(view));
}

http::Response ArticleRevisionsScreen::Diff(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, kNoArticle, &request);
  auto article = ctx_.editor.FormFor(*id, request.user());
  if (!article.ok()) return pages_.ServiceError(request, article.error());
  const auto from_id = ParseRecordId(request.http.Query("from").value_or(""));
  const auto to_id = ParseRecordId(request.http.Query("to").value_or(""));
  if (!from_id || !to_id) {
    return pages_.Error(&request.http, 404, "Choose two revisions of this article to compare.", &request);
  }
  auto from = ctx_.storage.articles().FindRevision(*from_id);
  if (!from.ok()) return pages_.ServiceError(request, from.error());
  auto to = ctx_.storage.articles().FindRevision(*to_id);
  if (!to.ok()) return pages_.ServiceError(request, to.error());
  // A revision of another article is not one of this article's, whoever may read that other one.
  if (from->summary.article_id != *id || to->summary.article_id != *id) {
    return pages_.Error(&request.http, 404, "This article has no such revision.", &request);
  }
  render::View view = pages_.PageView(request, "Changes: " + article->input.title);
  view.set("id", std::to_string(*id));
  view.set("title", article->input.title);
  view.set("from_version", std::to_string(from->summary.version));
  view.set("to_version", std::to_string(to->summary.version));
  view.set("from_saved_at", LocalTime(from->summary.saved_at, ctx_.dates.zone()));
  view.set("to_saved_at", LocalTime(to->summary.saved_at, ctx_.dates.zone()));
  render::View parts{render::View::type::list};
  parts.push_back(DiffView("Title", from->summary.title, to->summary.title));
  parts.push_back(DiffView("Intro", from->intro_markdown, to->intro_markdown));
  parts.push_back(DiffView("Body", from->body_markdown, to->body_markdown));
  view.set("parts", parts);
  return pages_.Render("article-diff", std::move(view));
}

http::Response ArticleRevisionsScreen::Restore(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  const auto rev = ParseRecordId(request.http.Param("rev"));
  if (!id || !rev) return pages_.Error(&request.http, 404, "There is no such revision.", &request);
  const auto version = ParseRecordId(request.form.Get("version").value_or(""));
  if (!version) {
    return pages_.Error(
        &request.http, 400,
        "The form was damaged on its way (its version is missing). Reload the page and try again.", &request);
  }
  auto outcome = ctx_.editor.Restore(*id, *rev, *version, request.user());
  if (!outcome.ok()) return pages_.ServiceError(request, outcome.error());
  if (!outcome->saved()) {
    // An old revision may name what no longer passes (a deleted category or author).
    std::string message = "This revision cannot be brought back as it is:";
    for (const auto& error : outcome->field_errors) message += " " + error.message;
    return pages_.Error(&request.http, 400, message, &request);
  }
  RecordArticleAudit(ctx_, request, accounts::audit_action::kArticleRestored, std::array{*id},
                     fmt::format("revision {}", *rev));
  return http::Response::SeeOther(fmt::format("/admin/articles/{}?done=restored", *id));
}

}  // namespace gazette::admin
