// The article page: /YYYY/MM/slug.
#include <fmt/format.h>

#include <algorithm>

#include "gazette/http/http_date.hpp"
#include "gazette/site/panel_views.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/site/structured_data.hpp"
#include "gazette/site/text_excerpt.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

render::View NeighbourView(const SiteContext& ctx, const std::optional<domain::ArticleSummary>& article) {
  if (!article) return render::View{false};
  render::View view;
  view.set("url", ArticlePath(article->publish_at, article->slug, ctx.live.Current()->dates.zone()));
  view.set("label_title", domain::LabelledTitle(article->country, article->title));
  return view;
}

}  // namespace

PublicSite::PageBuild PublicSite::ArticlePage(const http::Request& request, const LiveText& live) const {
  return ShowArticle(request, {}, 200, live);
}

PublicSite::PageBuild PublicSite::ShowArticle(const http::Request& request, const CommentFormState& form,
                                              unsigned status, const LiveText& live) const {
  const Timestamp now = ctx_.clock.Now();
  auto page = ctx_.storage.articles().FindVisibleBySlug(request.Param("slug"), now);
  if (!page.ok()) return {StoreError(page.error())};
  const domain::Article& article = page->article;
  const Timestamp published = article.publish_at.value_or(article.created_at);
  const auto settings = ctx_.live.Current();
  const std::string path = ArticlePath(published, article.slug, settings->dates.zone());
  // Year and month are part of the address but the slug alone identifies the article: send readers who
  // arrive with another year or month (an old link, a typo) to the one canonical address.
  if (request.method() != http::Method::kPost && request.path() != path) {
    return {http::Response::Redirect(301, path)};
  }

  auto neighbours = ctx_.storage.articles().FindNeighbours(article, now);
  if (!neighbours.ok()) return {StoreError(neighbours.error())};
  // An expert panel shows its question and answers on its article's page: one query, none for others.
  auto panel = ctx_.storage.panels().FindByArticle(article.id);
  if (!panel.ok()) return {StoreError(panel.error())};

  PageMeta meta;
  meta.title = domain::LabelledTitle(article.country, article.title);
  meta.description = ExcerptFromHtml(article.intro_html);
  meta.canonical_path = path;
  meta.og_type = "article";
  meta.feeds.push_back({page->category.name, CategoryPath(page->category.slug)});
  auto comments = CommentsView(ctx_, article, path, request.Query("comment").value_or(""),
                               request.Query("reply").value_or(""), form, &live);
  if (!comments.ok()) return {StoreError(comments.error())};
  // The comments feed is worth following while readers may comment or once some have (comment_feed.cpp
  // serves it on the same condition).
  if (article.comments_open || comments->get("has_items")->is_true()) {
    meta.feeds.push_back({"Comments on: " + meta.title, CommentFeedBasePath(path)});
  }
  {
    const std::string& base_url = settings->site.base_url;
    ArticleData data;
    data.headline = meta.title;
    data.description = meta.description;
    data.url = base_url + path;
    data.published = published;
    data.modified = std::max(article.updated_at, published);
    data.author_name = page->author.name;
    data.author_url = base_url + AuthorPath(page->author.slug);
    data.breadcrumbs = {{settings->site.name, base_url + "/"},
                        {page->category.name, base_url + CategoryPath(page->category.slug)},
                        {meta.title, data.url}};
    meta.json_ld = ArticleJsonLd(data, settings->site.name, base_url + "/");
  }

  render::View view = LayoutView(ctx_, meta, &live);
  render::View body;
  body.set("title", article.title);
  body.set("label_title", meta.title);
  body.set("country", article.country);
  body.set("date_iso", settings->dates.IsoDate(published));
  body.set("date_text", settings->dates.Format(published));
  body.set("intro_html", article.intro_html);
  body.set("body_html", article.body_html);
  render::View author;
  author.set("name", page->author.name);
  author.set("role", page->author.role);
  author.set("organisation", page->author.organisation);
  author.set("bio", page->author_bio);
  author.set("url", AuthorPath(page->author.slug));
  body.set("author", author);
  render::View category;
  category.set("name", page->category.name);
  category.set("url", CategoryPath(page->category.slug));
  body.set("category", category);
  render::View tags{render::View::type::list};
  for (const auto& tag : page->tags) {
    render::View item;
    item.set("name", tag.name);
    item.set("url", TagPath(tag.slug));
    tags.push_back(item);
  }
  body.set("tags", tags);
  body.set("has_tags", !page->tags.empty());
  if (settings->stats.show_article_hits) body.set("hits", FormatCount(article.hits));
  body.set("comment_count", comments->get("count")->string_value());
  body.set("comment_count_text", comments->get("count_text")->string_value());
  view.set("comments", *comments);
  if (panel->has_value()) body.set("panel", PanelView(**panel));
  view.set("article", body);
  view.set("older", NeighbourView(ctx_, neighbours->older));
  view.set("newer", NeighbourView(ctx_, neighbours->newer));

  auto response = Render("article", std::move(view), status);
  if (response.status == 200) response.SetHeader("Last-Modified", http::FormatHttpDate(article.updated_at));
  return {std::move(response), article.id};
}

}  // namespace gazette::site
