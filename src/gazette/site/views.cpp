#include "gazette/site/views.hpp"

#include <fmt/format.h>

#include "gazette/site/comment_views.hpp"
#include "gazette/site/structured_data.hpp"
#include "gazette/site/urls.hpp"

namespace gazette::site {
namespace {

using render::View;

View AuthorView(const domain::ArticleAuthor& author) {
  View view;
  render::Put(view, "name", author.name);
  render::Put(view, "role", author.role);
  render::Put(view, "organisation", author.organisation);
  render::Put(view, "url", render::Text(AuthorPath(author.slug)));
  return view;
}

View CounterView(const settings::SiteSnapshot& settings, const LiveText& live) {
  View rows = render::ListView(settings.counter_rows.size());
  for (const auto row : settings.counter_rows) {
    View item;
    render::Put(item, "key", render::Text(std::string(stats::CounterRowKey(row))));
    render::Put(item, "label", render::Text(std::string(stats::CounterRowLabel(row))));
    render::Put(item, "value",
                render::Text(live.Value({LiveKind::kCounterFigure, static_cast<std::int64_t>(row)})));
    render::Append(rows, std::move(item));
  }
  return rows;
}

}  // namespace

std::string FormatCount(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3 + 1);
  if (n < 0) grouped.push_back('-');
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[i]);
  }
  return grouped;
}

View TeaserView(const SiteContext& ctx, const domain::ArticleSummary& article) {
  return TeaserView(ctx, *ctx.live.Current(), article);
}

View TeaserView(const SiteContext& /*ctx*/, const settings::SiteSnapshot& settings,
                const domain::ArticleSummary& article) {
  View view;
  render::Put(view, "url", render::Text(ArticlePath(article.publish_at, article.slug, settings.dates.zone())));
  render::Put(view, "title", article.title);
  render::Put(view, "label_title", render::Text(domain::LabelledTitle(article.country, article.title)));
  render::Put(view, "country", article.country);
  render::Put(view, "date_iso", render::Text(settings.dates.IsoDate(article.publish_at)));
  render::Put(view, "date_text", render::Text(settings.dates.Format(article.publish_at)));
  render::Put(view, "author", AuthorView(article.author));
  View category;
  render::Put(category, "name", article.category.name);
  render::Put(category, "url", render::Text(CategoryPath(article.category.slug)));
  render::Put(view, "category", std::move(category));
  render::Put(view, "intro_html", article.intro_html);
  return view;
}

View TeaserList(const SiteContext& ctx, const std::vector<domain::ArticleSummary>& articles) {
  const auto settings = ctx.live.Current();
  View list = render::ListView(articles.size());
  for (const auto& article : articles) render::Append(list, TeaserView(ctx, *settings, article));
  AddCommentCounts(ctx, articles, list);
  return list;
}

View PaginationView(std::string_view base_path, const domain::PageLinks& links) {
  View view;
  view.set("page", std::to_string(links.page));
  view.set("has_previous", links.has_previous);
  view.set("has_next", links.has_next);
  if (links.has_previous) view.set("previous_url", PagedPath(base_path, links.page - 1));
  if (links.has_next) view.set("next_url", PagedPath(base_path, links.page + 1));
  view.set("any", links.has_previous || links.has_next);
  return view;
}

View LayoutView(const SiteContext& ctx, const PageMeta& meta, const LiveText* live) {
  // One snapshot for the whole layout: a settings change in between never mixes two sites' names.
  const auto settings = ctx.live.Current();
  const LiveText current = live != nullptr ? *live : LiveText::Current(ctx, settings, ctx.clock.Now());
  View view;
  render::Put(view, "site_name", settings->site.name);
  render::Put(view, "site_tagline", settings->site.tagline);
  render::Put(view, "language", settings->site.language);
  render::Put(view, "today_iso", render::Text(current.Value({LiveKind::kTodayIso})));
  render::Put(view, "today_text", render::Text(current.Value({LiveKind::kTodayText})));
  render::Put(view, "counter", CounterView(*settings, current));
  render::Put(view, "stylesheet_url",
              render::Text(ctx.assets.UrlFor("css/site.css").value_or("/assets/css/site.css")));
  render::Put(view, "icon_url", render::Text(ctx.assets.UrlFor("img/icon.svg").value_or("/assets/img/icon.svg")));
  render::Put(view, "document_title",
              meta.title.empty() ? render::View(settings->site.name)
                                 : render::Text(fmt::format("{} | {}", meta.title, settings->site.name)));
  render::Put(view, "description", meta.description.empty() ? settings->site.tagline : meta.description);
  render::Put(view, "canonical_url", render::Text(settings->site.base_url + meta.canonical_path));
  if (meta.previous_path) render::Put(view, "previous_link", *meta.previous_path);
  if (meta.next_path) render::Put(view, "next_link", *meta.next_path);
  AddHeadMeta(*settings, meta, view);
  return view;
}

}  // namespace gazette::site
