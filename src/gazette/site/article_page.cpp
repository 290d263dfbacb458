// The article page: /YYYY/MM/slug.
#include <fmt/format.h>

#include <algorithm>

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
  render::Put(view, "url",
              render::Text(ArticlePath(article->publish_at, article->slug, ctx.live.Current()->dates.zone())));
  render::Put(view, "label_title", render::Text(domain::LabelledTitle(article->country, article->title)));
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
  render::Put(body, "title", article.title);
  render::Put(body, "label_title", meta.title);
  render::Put(body, "country", article.country);
  render::Put(body, "date_iso", render::Text(settings->dates.IsoDate(published)));
  render::Put(body, "date_text", render::Text(settings->dates.Format(published)));
  render::Put(body, "intro_html", article.intro_html);
  render::Put(body, "body_html", article.body_html);
  render::View author;
  render::Put(author, "name", page->author.name);
  render::Put(author, "role", page->author.role);
  render::Put(author, "organisation", page->author.organisation);
  render::Put(author, "bio", page->author_bio);
  render::Put(author, "url", render::Text(AuthorPath(page->author.slug)));
  render::Put(body, "author", std::move(author));
  render::View category;
  render::Put(category, "name", page->category.name);
  render::Put(category, "url", render::Text(CategoryPath(page->category.slug)));
  render::Put(body, "category", std::move(category));
  render::View tags = render::ListView(page->tags.size());
  for (const auto& tag : page->tags) {
    render::View item;
    render::Put(item, "name", tag.name);
    render::Put(item, "url", render::Text(TagPath(tag.slug)));
    render::Append(tags, std::move(item));
  }
  render::Put(body, "tags", std::move(tags));
  render::Put(body, "has_tags", !page->tags.empty());
  if (settings->stats.show_article_hits) render::Put(body, "hits", render::Text(FormatCount(article.hits)));
  render::Put(body, "comment_count", comments->get("count")->string_value());
  render::Put(body, "comment_count_text", comments->get("count_text")->string_value());
  render::Put(view, "comments", std::move(comments).value());
  if (panel->has_value()) render::Put(body, "panel", PanelView(**panel));
  render::Put(view, "article", std::move(body));
  render::Put(view, "older", NeighbourView(ctx_, neighbours->older));
  render::Put(view, "newer", NeighbourView(ctx_, neighbours->newer));

  // No Last-Modified: the page also shows the live counter and the approved comments, which change while
  // the article does not, so a client revalidating by date would be told 304 over a changed page. The
  // ETag covers all of it.
  return {Render("article", std::move(view), status), article.id};
}

}  // namespace gazette::site
