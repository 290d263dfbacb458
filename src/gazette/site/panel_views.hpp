#pragma once
/// Views of expert panels for the theme: the front page's featured panel (partials/panel_feature) and the
/// panel on its article's page (partials/panel). Strings are escaped by the templates except *_html.
/// When adding a key, also update those templates.

#include <cstddef>
#include <optional>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/domain/expert_panel.hpp"
#include "gazette/render/view.hpp"
#include "gazette/site/site_context.hpp"

namespace gazette::site {

/// How much of the first answer the front page shows: about three lines of a lead, cut at a word.
inline constexpr std::size_t kPanelOpeningChars = 300;

/// The front page's featured panel (one query), taken out of leads when it is one of them so that it is
/// shown once. Empty when there is none.
Result<std::optional<domain::FeaturedPanel>> TakeFeaturedPanel(const SiteContext& ctx, Timestamp now,
                                                               std::vector<domain::ArticleSummary>& leads);

/// panel_feature: the teaser's keys (url, label_title, title, date_iso, date_text, author, category,
/// intro_html) plus question, lead, and first {name, role, organisation, opening} when it has an answer.
render::View PanelFeatureView(const SiteContext& ctx, const domain::FeaturedPanel& panel);

/// panel: question, lead, and contributions (each: position, name, role, organisation, answer_html, and
/// photo {src, width, height, alt} when it has one).
render::View PanelView(const domain::ExpertPanel& panel);

}  // namespace gazette::site
