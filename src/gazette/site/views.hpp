#pragma once
/// Views: domain objects turned into the data the theme's templates show. Every string here is escaped
/// by the templates except the *_html members, which hold HTML rendered by us from Markdown.
/// When adding a key, also update the templates under themes/default/templates/ that use it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/domain/article.hpp"
#include "gazette/domain/pagination.hpp"
#include "gazette/render/view.hpp"
#include "gazette/site/live_text.hpp"
#include "gazette/site/page_meta.hpp"
#include "gazette/site/site_context.hpp"

namespace gazette::site {

/// 53860060 -> "53,860,060".
std::string FormatCount(std::int64_t n);

/// A teaser: url, label_title, title, country, date_iso, date_text, author, category, intro_html.
render::View TeaserView(const SiteContext& ctx, const domain::ArticleSummary& article);
/// The same with the settings of a snapshot the caller already holds.
render::View TeaserView(const SiteContext& ctx, const settings::SiteSnapshot& settings,
                        const domain::ArticleSummary& article);
render::View TeaserList(const SiteContext& ctx, const std::vector<domain::ArticleSummary>& articles);

/// pagination: {page, has_previous, previous_url, has_next, next_url}, for a list at base_path.
render::View PaginationView(std::string_view base_path, const domain::PageLinks& links);

/// The view every page starts from: site name, tagline, today's date, the visitor counter, the stylesheet,
/// and the page's title and links from meta. The date and the counter's figures come from live (the
/// current values when null: a page rendered for this answer only). The category navigation is not in it:
/// PublicSite::Render adds the category tree's site-wide view (CategoryDirectory::SiteWideView).
render::View LayoutView(const SiteContext& ctx, const PageMeta& meta, const LiveText* live = nullptr);

}  // namespace gazette::site
