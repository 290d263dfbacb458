#include "gazette/admin/comment_queue_screen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "gazette/accounts/audit_actions.hpp"
#include "gazette/admin/article_audit.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/comments/comment_text.hpp"
#include "gazette/editorial/local_date_time.hpp"

namespace gazette::admin {
namespace {

using domain::CommentState;
using domain::Permission;

/// The queue's filters, in the order the filter offers them; "" is every state.
constexpr std::pair<std::string_view, std::string_view> kStateChoices[] = {
    {"pending", "Waiting for moderation"},
    {"approved", "Approved"},
    {"rejected", "Rejected"},
    {"spam", "Spam"},
    {"all", "All"},
};

constexpr std::pair<std::string_view, std::string_view> kActionChoices[] = {
    {"approve", "Approve"},
    {"reject", "Reject"},
    {"spam", "Mark as spam"},
    {"delete", "Delete"},
};

/// Highest page read from an address: far beyond any queue, and its offset cannot overflow.
constexpr std::int64_t kMaxQueuePage = 1'000'000;

/// The state the address asks for: a known state, "all", or pending for anything else.
std::string StateParam(std::optional<std::string_view> given) {
  const std::string_view value = given.value_or("pending");
  for (const auto& [name, label] : kStateChoices) {
    if (value == name) return std::string(name);
  }
  return "pending";
}

std::int64_t PageParam(std::optional<std::string_view> given) {
  if (!given) return 1;
  std::int64_t page = 0;
  const auto [end, ec] = std::from_chars(given->data(), given->data() + given->size(), page);
  if (ec != std::errc() || end != given->data() + given->size() || page < 1) return 1;
  return std::min(page, kMaxQueuePage);
}

std::string QueueUrl(std::string_view state, std::int64_t page, std::string_view done = {}) {
  std::string url = fmt::format("/admin/comments?state={}", state);
  if (page > 1) url += fmt::format("&page={}", page);
  if (!done.empty()) url += fmt::format("&done={}", done);
  return url;
}

std::optional<CommentState> StateFilter(std::string_view state) {
  if (state == "all") return std::nullopt;
  auto parsed = domain::ParseCommentState(state);
  return parsed.ok() ? std::optional<CommentState>(*parsed) : std::optional<CommentState>(CommentState::kPending);
}

render::View When(const AdminContext& ctx, Timestamp t) {
  const std::string local = editorial::FormatLocalDateTime(t, ctx.dates.zone());
  render::View when;
  when.set("text", ctx.dates.Format(t) + " " + local.substr(local.find('T') + 1));
  when.set("datetime", local);
  return when;
}

/// The public address of a comment's article (year and month in the site's zone, as the site builds it).
std::string ArticleUrl(const AdminContext& ctx, const storage::QueuedComment& row) {
  const Timestamp published = row.article_publish_at.value_or(row.article_created_at);
  const LocalDate date = ctx.dates.zone().DateOf(published);
  return fmt::format("/{:04}/{:02}/{}", date.year, date.month, row.article_slug);
}

}  // namespace

void CommentQueueScreen::Register(AdminRoutes& routes) const {
  routes.AddNavigation("Comments", "/admin/comments", Permission::kModerateComments);
  routes.Get("/admin/comments", Permission::kModerateComments,
             [this](AdminRequest& request) { return Show(request); });
  routes.Post("/admin/comments/moderate", Permission::kModerateComments,
              [this](AdminRequest& request) { return Moderate(request); });
  routes.Get("/admin/comments/{id}", Permission::kModerateComments,
             [this](AdminRequest& request) { return ShowEdit(request); });
  routes.Post("/admin/comments/{id}", Permission::kModerateComments,
              [this](AdminRequest& request) { return SaveEdit(request); });
}

http::Response CommentQueueScreen::Show(AdminRequest& request) const {
  const std::string state = StateParam(request.http.Query("state"));
  const std::int64_t page = PageParam(request.http.Query("page"));
  const std::optional<CommentState> filter = StateFilter(state);
  auto total = ctx_.storage.comments().CountInState(filter);
  if (!total.ok()) return pages_.ServiceError(request, total.error());
  auto rows = ctx_.storage.comments().ListQueue(filter, (page - 1) * kCommentQueuePageSize, kCommentQueuePageSize);
  if (!rows.ok()) return pages_.ServiceError(request, rows.error());

  render::View view = pages_.PageView(request, "Comments");
  render::View states{render::View::type::list};
  for (const auto& [value, label] : kStateChoices) {
    render::View option;
    option.set("value", std::string(value));
    option.set("label", std::string(label));
    option.set("selected", value == state);
    states.push_back(option);
  }
  view.set("states", states);
  render::View actions{render::View::type::list};
  for (const auto& [value, label] : kActionChoices) {
    render::View option;
    option.set("value", std::string(value));
    option.set("label", std::string(label));
    actions.push_back(option);
  }
  view.set("actions", actions);
  view.set("state", state);
  view.set("page", std::to_string(page));

  render::View items{render::View::type::list};
  for (const auto& row : *rows) {
    const domain::Comment& c = row.comment;
    render::View item;
    item.set("id", std::to_string(c.id));
    item.set("name", c.name);
    item.set("email", c.email);
    item.set("text_html", comments::CommentTextToHtml(c.text));
    item.set("state", std::string(domain::CommentStateName(c.state)));
    item.set("is_reply", c.parent_id.has_value());
    item.set("when", When(ctx_, c.created_at));
    item.set("article_title", row.article_title);
    item.set("article_url", ArticleUrl(ctx_, row) + "#comment-" + std::to_string(c.id));
    item.set("edit_url", "/admin/comments/" + std::to_string(c.id));
    items.push_back(item);
  }
  view.set("comments", items);
  view.set("has_comments", !rows->empty());
  view.set("total", std::to_string(*total));

  const std::int64_t pages = std::max<std::int64_t>(1, (*total + kCommentQueuePageSize - 1) / kCommentQueuePageSize);
  if (pages > 1 || page > 1) {
    render::View pagination;
    pagination.set("page", std::to_string(page));
    pagination.set("pages", std::to_string(pages));
    if (page > 1) pagination.set("previous_url", QueueUrl(state, page - 1));
    if (page < pages) pagination.set("next_url", QueueUrl(state, page + 1));
    view.set("pagination", pagination);
  }
  return pages_.Render("comments", std::move(view));
}

http::Response CommentQueueScreen::Moderate(AdminRequest& request) const {
  const std::string state = StateParam(request.form.Get("state"));
  const std::int64_t page = PageParam(request.form.Get("page"));
  std::vector<std::int64_t> ids;
  std::string_view action_name = request.form.Get("action").value_or("");
  // A row's own button sends "one" as "<action>:<id>" and wins over the checkboxes.
  if (const auto one = request.form.Get("one")) {
    const std::size_t colon = one->find(':');
    if (colon == std::string_view::npos) return pages_.Error(&request.http, 400, "Choose a comment and an action.", &request);
    action_name = one->substr(0, colon);
    const auto id = ParseRecordId(one->substr(colon + 1));
    if (!id) return pages_.Error(&request.http, 400, "That is not a comment of this site.", &request);
    ids.push_back(*id);
  } else {
    for (const std::string_view text : request.form.GetAll("ids")) {
      const auto id = ParseRecordId(text);
      if (!id) return pages_.Error(&request.http, 400, "That is not a comment of this site.", &request);
      ids.push_back(*id);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto action = comments::ParseModerationAction(action_name);
  if (!action.ok()) return pages_.Error(&request.http, 400, action.error().message, &request);
  if (ids.empty()) return http::Response::SeeOther(QueueUrl(state, page, "nothing-selected"));
  if (ids.size() > static_cast<std::size_t>(storage::kMaxCommentListLimit)) {
    return pages_.Error(&request.http, 400,
                        fmt::format("At most {} comments can be changed at once.", storage::kMaxCommentListLimit),
                        &request);
  }
  auto changed = ctx_.comments.Moderate(request.user(), ids, *action);
  if (!changed.ok()) return pages_.ServiceError(request, changed.error());
  RecordAudit(ctx_, request, accounts::audit_action::kCommentModerated, "comment", ids, action_name);
  return http::Response::SeeOther(QueueUrl(state, page, "moderated"));
}

http::Response CommentQueueScreen::ShowEdit(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such comment.", &request);
  auto comment = ctx_.storage.comments().Find(*id);
  if (!comment.ok()) return pages_.ServiceError(request, comment.error());
  render::View view = pages_.PageView(request, "Edit comment");
  view.set("id", std::to_string(comment->id));
  view.set("name", comment->name);
  view.set("email", comment->email);
  view.set("text", comment->text);
  view.set("state", std::string(domain::CommentStateName(comment->state)));
  view.set("when", When(ctx_, comment->created_at));
  return pages_.Render("comment_edit", std::move(view));
}

http::Response CommentQueueScreen::SaveEdit(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such comment.", &request);
  const std::string name(request.form.Get("name").value_or(""));
  const std::string email(request.form.Get("email").value_or(""));
  const std::string text(request.form.Get("text").value_or(""));
  Status saved = ctx_.comments.Edit(request.user(), *id, name, email, text);
  if (!saved.ok()) {
    if (saved.error().code != ErrorCode::kInvalid) return pages_.ServiceError(request, saved.error());
    // What was typed stays, with the reason beside the form.
    render::View view = pages_.PageView(request, "Edit comment");
    view.set("id", std::to_string(*id));
    view.set("name", name);
    view.set("email", email);
    view.set("text", text);
    view.set("problem", saved.error().message);
    return pages_.Render("comment_edit", std::move(view), 400);
  }
  RecordAudit(ctx_, request, accounts::audit_action::kCommentEdited, "comment", std::array{*id});
  return http::Response::SeeOther("/admin/comments/" + std::to_string(*id) + "?done=saved");
}

}  // namespace gazette::admin
