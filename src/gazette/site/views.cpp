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
  view.set("name", author.name);
  view.set("role", author.role);
  view.set("organisation", author.organisation);
  view.set("url", AuthorPath(author.slug));
  return view;
}

View CounterView(const settings::SiteSnapshot& settings, const LiveText& live) {
  View rows{View::type::list};
  for (const auto row : settings.counter_rows) {
    View item;
    item.set("key", std::string(stats::CounterRowKey(row)));
    item.set("label", std::string(stats::CounterRowLabel(row)));
    item.set("value", live.Value({LiveKind::kCounterFigure, static_cast<std::int64_t>(row)}));
    rows.push_back(item);
  }
  return rows;
}

View NavigationView(const SiteContext& ctx) {
  View items{View::type::list};
  const auto categories = ctx.categories.Current();
  for (const auto* category : categories->TopLevel()) {
    View item;
    item.set("name", category->name);
    item.set("url", CategoryPath(category->slug));
    items.push_back(item);
  }
  return items;
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
  view.set("url", ArticlePath(article.publish_at, article.slug, settings.dates.zone()));
  view.set("title", article.title);
  view.set("label_title", domain::LabelledTitle(article.country, article.title));
  view.set("country", article.country);
  view.set("date_iso", settings.dates.IsoDate(article.publish_at));
  view.set("date_text", settings.dates.Format(article.publish_at));
  view.set("author", AuthorView(article.author));
  View category;
  category.set("name", article.category.name);
  category.set("url", CategoryPath(article.category.slug));
  view.set("category", category);
  view.set("intro_html", article.intro_html);
  return view;
}

View TeaserList(const SiteContext& ctx, const std::vector<domain::ArticleSummary>& articles) {
  const auto settings = ctx.live.Current();
  View list{View::type::list};
  for (const auto& article : articles) list.push_back(TeaserView(ctx, *settings, article));
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
  view.set("site_name", settings->site.name);
  view.set("site_tagline", settings->site.tagline);
  view.set("language", settings->site.language);
  view.set("today_iso", current.Value({LiveKind::kTodayIso}));
  view.set("today_text", current.Value({LiveKind::kTodayText}));
  view.set("counter", CounterView(*settings, current));
  view.set("navigation", NavigationView(ctx));
  view.set("stylesheet_url", ctx.assets.UrlFor("css/site.css").value_or("/assets/css/site.css"));
  view.set("icon_url", ctx.assets.UrlFor("img/icon.svg").value_or("/assets/img/icon.svg"));
  view.set("document_title",
           meta.title.empty() ? settings->site.name : fmt::format("{} | {}", meta.title, settings->site.name));
  view.set("description", meta.description.empty() ? settings->site.tagline : meta.description);
  view.set("canonical_url", settings->site.base_url + meta.canonical_path);
  if (meta.previous_path) view.set("previous_link", *meta.previous_path);
  if (meta.next_path) view.set("next_link", *meta.next_path);
  AddHeadMeta(*settings, meta, view);
  return view;
}

}  // namespace gazette::site
