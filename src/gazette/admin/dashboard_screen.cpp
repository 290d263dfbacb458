#include "gazette/admin/dashboard_screen.hpp"

#include <optional>
#include <string>
#include <vector>

#include "gazette/admin/visitor_chart.hpp"
#include "gazette/editorial/local_date_time.hpp"

namespace gazette::admin {
namespace {

std::string EditPath(std::int64_t article_id) {
  return "/admin/articles/" + std::to_string(article_id);
}

/// Whose articles a user's lists show: everyone's for those who may edit any article; an author's own
/// otherwise (an unlinked author has none, so nothing is read for them).
struct Scope {
  bool everyone = false;
  std::optional<std::int64_t> author_id;

  static Scope Of(const AdminRequest& request) {
    return Scope{request.Can(domain::Permission::kEditAnyArticle), request.user().author_id};
  }
  bool sees_nothing() const { return !everyone && !author_id; }
  std::optional<std::int64_t> filter() const { return everyone ? std::nullopt : author_id; }
  bool MayOpen(std::int64_t article_author_id) const { return everyone || author_id == article_author_id; }
};

/// "Friday, 2.01.2026 09:30" in the site's zone and date format, and the machine-readable local form.
render::View When(const AdminContext& ctx, Timestamp t) {
  const std::string local = editorial::FormatLocalDateTime(t, ctx.dates.zone());
  render::View when;
  when.set("text", ctx.dates.Format(t) + " " + local.substr(local.find('T') + 1));
  when.set("datetime", local);
  return when;
}

render::View ArticleRow(const AdminContext& ctx, const storage::EditorArticleRow& row, Timestamp shown) {
  render::View item;
  item.set("title", domain::LabelledTitle(row.country, row.title));
  item.set("url", EditPath(row.id));
  item.set("author", row.author.name);
  item.set("category", row.category.name);
  item.set("review_requested", row.review_requested);
  item.set("when", When(ctx, shown));
  return item;
}

}  // namespace

void DashboardScreen::Register(AdminRoutes& routes) const {
  routes.AddNavigation("Dashboard", "/admin", domain::Permission::kViewDashboard);
  routes.Get("/admin", domain::Permission::kViewDashboard,
             [this](AdminRequest& request) { return Show(request); });
}

http::Response DashboardScreen::Show(AdminRequest& request) const {
  render::View view = pages_.PageView(request, "Dashboard");
  // A card that cannot be read fails the page: half a dashboard would hide work waiting to be done.
  if (Status s = AddReviewQueue(request, view); !s.ok()) return pages_.ServiceError(request, s.error());
  if (Status s = AddScheduled(request, view); !s.ok()) return pages_.ServiceError(request, s.error());
  if (Status s = AddVisitors(view); !s.ok()) return pages_.ServiceError(request, s.error());
  if (Status s = AddMostRead(request, view); !s.ok()) return pages_.ServiceError(request, s.error());
  if (request.Can(domain::Permission::kModerateComments)) {
    auto pending = ctx_.storage.comments().CountInState(domain::CommentState::kPending);
    if (!pending.ok()) return pages_.ServiceError(request, pending.error());
    render::View comments;
    comments.set("pending", Thousands(*pending));
    comments.set("has_pending", *pending > 0);
    view.set("comments", comments);
  }
  return pages_.Render("dashboard", std::move(view));
}

Status DashboardScreen::AddReviewQueue(const AdminRequest& request, render::View& view) const {
  const Scope scope = Scope::Of(request);
  render::View queue;
  // Editors work through the queue oldest first; an author sees their own drafts, latest change first,
  // each marked when it is with the editors.
  storage::EditorArticleFilter filter;
  filter.state = domain::ArticleState::kDraft;
  if (scope.everyone) {
    queue.set("heading", std::string("Waiting for review"));
    queue.set("empty", std::string("No draft is waiting for review."));
    queue.set("all_url", std::string("/admin/articles?state=review"));
    filter.review_requested_only = true;
    filter.descending = false;
  } else {
    queue.set("heading", std::string("Your drafts"));
    queue.set("empty", std::string("You have no drafts."));
    queue.set("all_url", std::string("/admin/articles?state=draft"));
    filter.author_id = scope.author_id;
  }
  render::View items{render::View::type::list};
  std::int64_t total = 0;
  if (scope.sees_nothing()) {
    queue.set("unlinked", true);
  } else {
    auto rows = ctx_.storage.articles().ListForEditors(filter, 0, kDashboardListRows);
    if (!rows.ok()) return std::move(rows).error();
    auto count = ctx_.storage.articles().CountForEditors(filter);
    if (!count.ok()) return std::move(count).error();
    total = *count;
    for (const auto& row : *rows) items.push_back(ArticleRow(ctx_, row, row.updated_at));
  }
  queue.set("items", items);
  queue.set("has_items", total > 0);
  queue.set("total", Thousands(total));
  queue.set("more", total > kDashboardListRows);
  view.set("queue", queue);
  return OkStatus();
}

Status DashboardScreen::AddScheduled(const AdminRequest& request, render::View& view) const {
  const Scope scope = Scope::Of(request);
  render::View scheduled;
  render::View items{render::View::type::list};
  if (scope.sees_nothing()) {
    scheduled.set("unlinked", true);
  } else {
    auto rows = ctx_.storage.articles().ListUpcoming(ctx_.clock.Now(), scope.filter(), kDashboardListRows);
    if (!rows.ok()) return std::move(rows).error();
    for (const auto& row : *rows)
      items.push_back(ArticleRow(ctx_, row, row.publish_at.value_or(Timestamp{})));
    scheduled.set("has_items", !rows->empty());
  }
  scheduled.set("heading", std::string(scope.everyone ? "Scheduled" : "Your scheduled articles"));
  scheduled.set("items", items);
  view.set("scheduled", scheduled);
  return OkStatus();
}

Status DashboardScreen::AddVisitors(render::View& view) const {
  // Today's figures come from memory (exact to this instant); the stored history is at most one flush
  // old, so today's bar is drawn from the live figure too.
  const stats::CounterFigures live = ctx_.visitors.Current();
  const LocalDate today = ctx_.dates.zone().DateOf(ctx_.clock.Now());
  LocalDate from = today;
  for (int day = 1; day < kDashboardChartDays; ++day) from = from.PreviousDay();
  auto history = ctx_.storage.stats().History(from, today);
  if (!history.ok()) return std::move(history).error();
  std::vector<ChartDay> days;
  days.reserve(history->size() + 1);
  for (const auto& figures : *history) {
    if (figures.day != today) days.push_back({figures.day, figures.visitors});
  }
  days.push_back({today, live.today});

  render::View visitors;
  visitors.set("today", Thousands(live.today));
  visitors.set("yesterday", Thousands(live.yesterday));
  visitors.set("this_week", Thousands(live.this_week));
  visitors.set("all", Thousands(live.all));
  visitors.set("chart", VisitorChartSvg(days, from, today));
  visitors.set("days", std::to_string(kDashboardChartDays));
  view.set("visitors", visitors);
  return OkStatus();
}

Status DashboardScreen::AddMostRead(const AdminRequest& request, render::View& view) const {
  const Scope scope = Scope::Of(request);
  const Timestamp now = ctx_.clock.Now();
  const LocalDate today = ctx_.dates.zone().DateOf(now);
  LocalDate from = today;
  for (int day = 1; day < 7; ++day) from = from.PreviousDay();
  auto top = ctx_.storage.stats().TopArticles(from, today, now, kDashboardMostRead);
  if (!top.ok()) return std::move(top).error();
  render::View items{render::View::type::list};
  for (const auto& entry : *top) {
    render::View item;
    item.set("title", domain::LabelledTitle(entry.article.country, entry.article.title));
    // Published articles are public anyway; the link goes only where the user may open the article.
    if (scope.MayOpen(entry.article.author.id)) item.set("url", EditPath(entry.article.id));
    item.set("author", entry.article.author.name);
    item.set("hits", Thousands(entry.hits));
    items.push_back(item);
  }
  render::View most_read;
  most_read.set("items", items);
  most_read.set("has_items", !top->empty());
  view.set("most_read", most_read);
  return OkStatus();
}

}  // namespace gazette::admin
