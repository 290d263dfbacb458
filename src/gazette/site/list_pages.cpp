// Teaser lists: the front page, category, tag and author pages.
#include <algorithm>

#include "gazette/site/panel_views.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/site/structured_data.hpp"
#include "gazette/site/text_excerpt.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

/// The ?page= window, or the reader-facing message for a bad value.
Result<domain::PageWindow> WindowFor(const http::Request& request, int page_size) {
  auto page = domain::ParsePageNumber(request.Query("page").value_or(""));
  if (!page.ok()) return std::move(page).error();
  return domain::PageWindow{*page, page_size};
}

std::vector<std::int64_t> IdsOf(const std::vector<domain::ArticleSummary>& articles) {
  std::vector<std::int64_t> ids;
  ids.reserve(articles.size());
  for (const auto& article : articles) ids.push_back(article.id);
  return ids;
}

}  // namespace

http::Response PublicSite::FrontPage(const http::Request& request, const LiveText& live) const {
  const auto settings = ctx_.live.Current();
  auto window = WindowFor(request, settings->site.page_size);
  if (!window.ok()) return ErrorPage(400, window.error().message);
  const Timestamp now = ctx_.clock.Now();

  // The leads are taken out of the teaser lists on every page, so that leads plus teasers show each
  // visible article exactly once.
  std::vector<domain::ArticleSummary> leads;
  if (settings->site.lead_articles > 0) {
    auto featured = ctx_.storage.articles().ListFeatured(now, settings->site.lead_articles);
    if (!featured.ok()) return StoreError(featured.error());
    leads = std::move(featured).value();
  }
  // The featured expert panel leads the page; it is one of the leads, so none is shown without them.
  std::optional<domain::FeaturedPanel> panel;
  if (settings->site.lead_articles > 0) {
    auto found = TakeFeaturedPanel(ctx_, now, leads);
    if (!found.ok()) return StoreError(found.error());
    panel = std::move(found).value();
  }
  storage::ArticleFilter filter;
  filter.exclude_ids = IdsOf(leads);
  if (panel) filter.exclude_ids.push_back(panel->article.id);
  auto rows = ctx_.storage.articles().ListVisible(filter, now, window->offset(), window->limit());
  if (!rows.ok()) return StoreError(rows.error());
  if (window->page > 1 && rows->empty()) return ErrorPage(404, "There is no such page of articles.");
  const auto links = domain::LinksFor(*window, rows->size());
  rows->resize(std::min<std::size_t>(rows->size(), static_cast<std::size_t>(window->page_size)));

  PageMeta meta;
  meta.title = window->page > 1 ? "Page " + std::to_string(window->page) : "";
  meta.description = settings->site.tagline;
  meta.canonical_path = PagedPath("/", window->page);
  if (links.has_previous) meta.previous_path = PagedPath("/", links.page - 1);
  if (links.has_next) meta.next_path = PagedPath("/", links.page + 1);
  meta.json_ld = WebSiteJsonLd(settings->site.name, settings->site.base_url + "/", settings->site.tagline);

  render::View view = LayoutView(ctx_, meta, &live);
  view.set("is_front", true);
  if (window->page == 1 && !leads.empty()) view.set("leads", TeaserList(ctx_, leads));
  if (window->page == 1 && panel) view.set("panel_feature", PanelFeatureView(ctx_, *panel));
  view.set("teasers", TeaserList(ctx_, *rows));
  view.set("pagination", PaginationView("/", links));
  return Render("front", std::move(view));
}

http::Response PublicSite::TeaserListPage(const http::Request& request, const storage::ArticleFilter& filter,
                                          std::string_view base_path, PageMeta meta,
                                          const std::function<void(render::View&)>& fill,
                                          const LiveText& live) const {
  auto window = WindowFor(request, ctx_.live.Current()->site.page_size);
  if (!window.ok()) return ErrorPage(400, window.error().message);
  auto rows = ctx_.storage.articles().ListVisible(filter, ctx_.clock.Now(), window->offset(), window->limit());
  if (!rows.ok()) return StoreError(rows.error());
  if (window->page > 1 && rows->empty()) return ErrorPage(404, "There is no such page of articles.");
  const auto links = domain::LinksFor(*window, rows->size());
  rows->resize(std::min<std::size_t>(rows->size(), static_cast<std::size_t>(window->page_size)));

  if (window->page > 1) meta.title += " (page " + std::to_string(window->page) + ")";
  meta.canonical_path = PagedPath(base_path, window->page);
  if (links.has_previous) meta.previous_path = PagedPath(base_path, links.page - 1);
  if (links.has_next) meta.next_path = PagedPath(base_path, links.page + 1);

  render::View view = LayoutView(ctx_, meta, &live);
  fill(view);
  view.set("teasers", TeaserList(ctx_, *rows));
  view.set("empty", rows->empty());
  view.set("pagination", PaginationView(base_path, links));
  return Render("list", std::move(view));
}

http::Response PublicSite::CategoryPage(const http::Request& request, const LiveText& live) const {
  // One snapshot for the whole page: the pointers below point into it.
  const auto categories = ctx_.categories.Current();
  const auto* category = categories->FindBySlug(request.Param("slug"));
  if (category == nullptr) return ErrorPage(404, "There is no such category.");
  storage::ArticleFilter filter;
  filter.category_id = category->id;
  PageMeta meta;
  meta.title = category->name;
  meta.description = category->description;
  meta.feeds.push_back({category->name, CategoryPath(category->slug)});
  const std::string& base_url = ctx_.live.Current()->site.base_url;
  std::vector<Crumb> crumbs{{ctx_.live.Current()->site.name, base_url + "/"}};
  for (const auto* step : categories->PathTo(category->id)) {
    crumbs.emplace_back(step->name, base_url + CategoryPath(step->slug));
  }
  meta.json_ld = BreadcrumbJsonLd(crumbs);
  return TeaserListPage(request, filter, CategoryPath(category->slug), meta, [&](render::View& view) {
    view.set("heading", category->name);
    view.set("intro", category->description);
    render::View breadcrumbs{render::View::type::list};
    for (const auto* step : categories->PathTo(category->id)) {
      render::View crumb;
      crumb.set("name", step->name);
      crumb.set("url", CategoryPath(step->slug));
      crumb.set("current", step->id == category->id);
      breadcrumbs.push_back(crumb);
    }
    view.set("breadcrumbs", breadcrumbs);
    view.set("has_breadcrumbs", true);
    render::View children{render::View::type::list};
    for (const auto* child : categories->ChildrenOf(category->id)) {
      render::View item;
      item.set("name", child->name);
      item.set("url", CategoryPath(child->slug));
      children.push_back(item);
    }
    view.set("has_subcategories", children.is_non_empty_list());
    view.set("subcategories", children);
  }, live);
}

http::Response PublicSite::TagPage(const http::Request& request, const LiveText& live) const {
  auto tag = ctx_.storage.catalog().FindTagBySlug(request.Param("slug"));
  if (!tag.ok()) return StoreError(tag.error());
  storage::ArticleFilter filter;
  filter.tag_id = tag->id;
  PageMeta meta;
  meta.title = "Tag: " + tag->name;
  meta.description = "Articles tagged " + tag->name;
  meta.feeds.push_back({"Tag: " + tag->name, TagPath(tag->slug)});
  return TeaserListPage(request, filter, TagPath(tag->slug), meta, [&](render::View& view) {
    view.set("heading", "Tag: " + tag->name);
  }, live);
}

http::Response PublicSite::AuthorPage(const http::Request& request, const LiveText& live) const {
  auto author = ctx_.storage.catalog().FindAuthorBySlug(request.Param("slug"));
  if (!author.ok()) return StoreError(author.error());
  storage::ArticleFilter filter;
  filter.author_id = author->id;
  PageMeta meta;
  meta.title = author->name;
  meta.description = author->bio.empty() ? "Articles by " + author->name : author->bio;
  meta.feeds.push_back({author->name, AuthorPath(author->slug)});
  return TeaserListPage(request, filter, AuthorPath(author->slug), meta, [&](render::View& view) {
    view.set("heading", author->name);
    render::View profile;
    profile.set("role", author->role);
    profile.set("organisation", author->organisation);
    profile.set("bio", author->bio);
    view.set("profile", profile);
  }, live);
}

}  // namespace gazette::site
