#include "gazette/admin/article_list_screen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "gazette/admin/article_audit.hpp"
#include "gazette/admin/article_list_query.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/editorial/local_date_time.hpp"

namespace gazette::admin {
namespace {

using domain::ArticleState;
using domain::Permission;

/// The states the filter offers, in the order of an article's life.
constexpr std::pair<std::string_view, std::string_view> kStateChoices[] = {
    {"", "All but the bin"},    {"draft", "Drafts"},        {"review", "Waiting for review"},
    {"scheduled", "Scheduled"}, {"published", "Published"}, {"archived", "Archived"},
    {"trashed", "In the bin"},
};
constexpr std::pair<std::string_view, std::string_view> kSortChoices[] = {
    {"newest", "Last changed first"},
    {"oldest", "Last changed last"},
    {"title", "Title"},
    {"published", "Publication date"},
};
constexpr std::pair<std::string_view, std::string_view> kBulkChoices[] = {
    {"publish", "Publish"},
    {"archive", "Archive"},
    {"trash", "Move to the bin"},
    {"draft", "Back to draft"},
};

template <std::size_t N>
render::View Choices(const std::pair<std::string_view, std::string_view> (&choices)[N],
                     std::string_view chosen) {
  render::View list{render::View::type::list};
  for (const auto& [value, label] : choices) {
    render::View option;
    option.set("value", std::string(value));
    option.set("label", std::string(label));
    option.set("selected", value == chosen);
    list.push_back(option);
  }
  return list;
}

std::string ListUrl(const ArticleListQuery& query, std::int64_t page) {
  std::string params = query.Encoded();
  if (page > 1) params += fmt::format("{}page={}", params.empty() ? "" : "&", page);
  return params.empty() ? std::string("/admin/articles") : "/admin/articles?" + params;
}

}  // namespace

void ArticleListScreen::Register(AdminRoutes& routes) const {
  routes.AddNavigation("Articles", "/admin/articles", Permission::kWriteOwnArticles);
  routes.Get("/admin/articles", Permission::kWriteOwnArticles,
             [this](AdminRequest& request) { return Show(request); });
  // Authors may send it, so that the service's own refusal (403) is what they meet, not a hidden rule.
  routes.Post("/admin/articles/bulk", Permission::kWriteOwnArticles,
              [this](AdminRequest& request) { return Bulk(request); });
}

http::Response ArticleListScreen::Show(AdminRequest& request) const {
  const ArticleListQuery query =
      ReadArticleListQuery([&](std::string_view name) { return request.http.Query(name); });
  storage::EditorArticleFilter filter = query.Filter();
  const bool sees_all = request.Can(Permission::kEditAnyArticle);
  const bool can_publish = request.Can(Permission::kPublish);
  render::View view = pages_.PageView(request, "Articles");

  auto categories = ctx_.storage.catalog().ListCategories();
  if (!categories.ok()) return pages_.ServiceError(request, categories.error());
  std::vector<domain::Author> authors;
  if (sees_all) {
    auto listed = ctx_.storage.catalog().ListAuthors();
    if (!listed.ok()) return pages_.ServiceError(request, listed.error());
    authors = std::move(listed).value();
  }

  std::vector<storage::EditorArticleRow> rows;
  std::int64_t total = 0;
  const bool has_profile = request.user().author_id.has_value();
  if (!sees_all) filter.author_id = request.user().author_id;
  if (sees_all || has_profile) {
    auto counted = ctx_.storage.articles().CountForEditors(filter);
    if (!counted.ok()) return pages_.ServiceError(request, counted.error());
    total = *counted;
    auto listed = ctx_.storage.articles().ListForEditors(filter, (query.page - 1) * kArticleListPageSize,
                                                         kArticleListPageSize);
    if (!listed.ok()) return pages_.ServiceError(request, listed.error());
    rows = std::move(listed).value();
  }
  view.set("no_profile", !sees_all && !has_profile);
  view.set("own_only", !sees_all);

  render::View row_views{render::View::type::list};
  for (const auto& row : rows) {
    render::View item;
    item.set("id", std::to_string(row.id));
    item.set("title", row.title);
    item.set("country", row.country);
    item.set("state", std::string(domain::ArticleStateName(row.state)));
    if (row.state == ArticleState::kScheduled && row.publish_at) {
      std::string local = editorial::FormatLocalDateTime(*row.publish_at, ctx_.dates.zone());
      std::replace(local.begin(), local.end(), 'T', ' ');
      item.set("scheduled_for", local);
    }
    item.set("review_requested", row.review_requested);
    item.set("featured", row.featured);
    item.set("author", row.author.name);
    item.set("category", row.category.name);
    const Timestamp shown = row.publish_at.value_or(row.updated_at);
    item.set("date", ctx_.dates.Format(shown));
    item.set("date_iso", ctx_.dates.IsoDate(shown));
    item.set("date_is_publication", row.publish_at.has_value());
    row_views.push_back(item);
  }
  view.set("articles", row_views);
  view.set("has_articles", !rows.empty());
  view.set("total", std::to_string(total));
  view.set("bulk", can_publish && !rows.empty());
  view.set("bulk_actions", Choices(kBulkChoices, ""));

  view.set("states", Choices(kStateChoices, query.state));
  view.set("sorts", Choices(kSortChoices, query.sort));
  render::View category_views{render::View::type::list};
  for (const auto& category : *categories) {
    render::View option;
    option.set("value", std::to_string(category.id));
    option.set("label", category.name);
    option.set("selected", std::to_string(category.id) == query.category);
    category_views.push_back(option);
  }
  view.set("categories", category_views);
  view.set("filter_authors", sees_all);
  render::View author_views{render::View::type::list};
  for (const auto& author : authors) {
    render::View option;
    option.set("value", std::to_string(author.id));
    option.set("label", author.name);
    option.set("selected", std::to_string(author.id) == query.author);
    author_views.push_back(option);
  }
  view.set("authors", author_views);
  view.set("country", query.country);
  view.set("q", query.text);
  // Hidden fields of the bulk form: where to come back to.
  render::View keep{render::View::type::list};
  for (const auto& [name, value] : {std::pair<std::string_view, std::string_view>{"state", query.state},
                                    {"category", query.category},
                                    {"country", query.country},
                                    {"author", query.author},
                                    {"q", query.text},
                                    {"sort", query.sort}}) {
    if (value.empty()) continue;
    render::View field;
    field.set("name", std::string(name));
    field.set("value", std::string(value));
    keep.push_back(field);
  }
  if (query.page > 1) {
    render::View field;
    field.set("name", std::string("page"));
    field.set("value", std::to_string(query.page));
    keep.push_back(field);
  }
  view.set("keep", keep);

  const std::int64_t pages =
      std::max<std::int64_t>(1, (total + kArticleListPageSize - 1) / kArticleListPageSize);
  if (pages > 1 || query.page > 1) {
    render::View pagination;
    pagination.set("page", std::to_string(query.page));
    pagination.set("pages", std::to_string(pages));
    if (query.page > 1) pagination.set("previous_url", ListUrl(query, std::min(query.page - 1, pages)));
    if (query.page < pages) pagination.set("next_url", ListUrl(query, query.page + 1));
    view.set("pagination", pagination);
  }
  view.set("can_write", request.Can(Permission::kWriteOwnArticles));
  return pages_.Render("articles", std::move(view));
}

http::Response ArticleListScreen::Bulk(AdminRequest& request) const {
  const ArticleListQuery query =
      ReadArticleListQuery([&](std::string_view name) { return request.form.Get(name); });
  auto action = editorial::ParseBulkAction(request.form.Get("action").value_or(""));
  if (!action.ok()) return pages_.ServiceError(request, action.error());
  std::vector<std::int64_t> ids;
  for (const std::string_view text : request.form.GetAll("ids")) {
    const auto id = ParseRecordId(text);
    if (!id)
      return pages_.Error(&request.http, 400, "The selection names something that is not an article.",
                          &request);
    ids.push_back(*id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string back = ListUrl(query, query.page);
  back += back.find('?') == std::string::npos ? '?' : '&';
  // The service answers an author's request, selection or not, so that the refusal is the same.
  if (ids.empty() && request.Can(Permission::kPublish)) {
    return http::Response::SeeOther(back + "done=nothing-selected");
  }
  auto changed = ctx_.editor.Transition(ids, *action, request.user());
  if (!changed.ok()) return pages_.ServiceError(request, changed.error());
  RecordArticleAudit(ctx_, request, ArticleBulkAction(*action), ids, "bulk action");
  return http::Response::SeeOther(back + "done=bulk-done");
}

}  // namespace gazette::admin
