#pragma once
/// SiteContext: what the public site's handlers work with, built once by the composition root.
/// Everything referenced outlives the site; every member is safe to use from the server's threads.

#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/comments/comment_service.hpp"
#include "gazette/config/config.hpp"
#include "gazette/http/static_files.hpp"
#include "gazette/http/trusted_proxies.hpp"
#include "gazette/render/templates.hpp"
#include "gazette/settings/live_settings.hpp"
#include "gazette/site/live_category_directory.hpp"
#include "gazette/stats/counter_figures.hpp"
#include "gazette/stats/visitor_counter.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::site {

struct SiteContext {
  /// The site settings in effect (name, page size, dates, counter rows...): take Current() once per request,
  /// since the back office may replace them at any moment.
  const settings::LiveSettings& live;
  storage::Storage& storage;
  const render::Templates& templates;
  const http::StaticFiles& assets;
  const LiveCategoryDirectory& categories;  ///< take Current() once per page
  const Clock& clock;
  stats::VisitorCounter& visitors;
  const http::TrustedProxies& proxies;
  comments::CommentService& comments;  ///< readers' comments: form tokens and the checks of a posted comment
};

}  // namespace gazette::site
