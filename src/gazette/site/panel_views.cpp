#include "gazette/site/panel_views.hpp"

#include <algorithm>

#include "gazette/media/media_markup.hpp"
#include "gazette/site/comment_views.hpp"
#include "gazette/site/text_excerpt.hpp"
#include "gazette/site/views.hpp"

namespace gazette::site {
namespace {

using render::View;

/// Sets key to text, or to false when text is empty: the templates' {{#key}} sections treat an empty
/// string as present, and would print the separators around it.
void SetText(View& view, const std::string& key, const std::string& text) {
  if (text.empty()) {
    view.set(key, false);
  } else {
    view.set(key, text);
  }
}

/// Width of the copy shown beside an answer: a portrait of a few hundred pixels.
constexpr int kPhotoWidth = 320;

View ExpertView(const domain::PanelContribution& c) {
  View view;
  view.set("name", c.expert_name);
  SetText(view, "role", c.expert_role);
  SetText(view, "organisation", c.expert_organisation);
  return view;
}

View PhotoView(const domain::MediaItem& item) {
  const bool has_copy = std::find(item.sizes.begin(), item.sizes.end(), kPhotoWidth) != item.sizes.end();
  const std::string src = media::MediaUrl(item, has_copy ? std::optional<int>(kPhotoWidth) : std::nullopt);
  if (src.empty()) return View{false};
  View view;
  view.set("src", src);
  const int width = has_copy ? kPhotoWidth : item.width;
  const int height = item.width > 0 ? static_cast<int>(static_cast<long long>(item.height) * width / item.width) : 0;
  view.set("width", std::to_string(width));
  view.set("height", std::to_string(height));
  view.set("alt", item.alt);
  return view;
}

}  // namespace

Result<std::optional<domain::FeaturedPanel>> TakeFeaturedPanel(const SiteContext& ctx, Timestamp now,
                                                               std::vector<domain::ArticleSummary>& leads) {
  auto panel = ctx.storage.panels().FindFeatured(now);
  if (!panel.ok() || !panel->has_value()) return panel;
  const std::int64_t id = (*panel)->article.id;
  std::erase_if(leads, [id](const domain::ArticleSummary& lead) { return lead.id == id; });
  return panel;
}

View PanelFeatureView(const SiteContext& ctx, const domain::FeaturedPanel& panel) {
  // A teaser like the others, with its comment count: the discussion is half of what a panel offers.
  View teasers{View::type::list};
  teasers.push_back(TeaserView(ctx, panel.article));
  AddCommentCounts(ctx, {panel.article}, teasers);
  View view = teasers.list_value().front();
  view.set("question", panel.question);
  SetText(view, "lead", panel.lead);
  if (panel.first) {
    View first = ExpertView(*panel.first);
    first.set("opening", ExcerptFromHtml(panel.first->answer_html, kPanelOpeningChars));
    view.set("first", first);
  } else {
    view.set("first", false);
  }
  return view;
}

View PanelView(const domain::ExpertPanel& panel) {
  View view;
  view.set("question", panel.question);
  SetText(view, "lead", panel.lead);
  View contributions{View::type::list};
  for (const auto& c : panel.contributions) {
    View item = ExpertView(c);
    item.set("position", std::to_string(c.position));
    item.set("answer_html", c.answer_html);
    // Set either way, so that the template never finds a "photo" of an enclosing view instead.
    item.set("photo", c.photo ? PhotoView(*c.photo) : View{false});
    contributions.push_back(item);
  }
  view.set("contributions", contributions);
  view.set("has_contributions", !panel.contributions.empty());
  return view;
}

}  // namespace gazette::site
