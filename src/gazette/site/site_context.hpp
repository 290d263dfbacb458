#pragma once
/// SiteContext: what the public site's handlers work with, built once by the composition root.
/// Everything referenced outlives the site; every member is safe to use from the server's threads.

#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/config/config.hpp"
#include "gazette/http/static_files.hpp"
#include "gazette/http/trusted_proxies.hpp"
#include "gazette/render/date_formatter.hpp"
#include "gazette/render/templates.hpp"
#include "gazette/site/live_category_directory.hpp"
#include "gazette/stats/counter_figures.hpp"
#include "gazette/stats/visitor_counter.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::site {

struct SiteContext {
  const config::SiteConfig& config;
  storage::Storage& storage;
  const render::Templates& templates;
  const render::DateFormatter& dates;
  const http::StaticFiles& assets;
  const LiveCategoryDirectory& categories;  ///< take Current() once per page
  const Clock& clock;
  const config::StatsConfig& stats_config;
  std::vector<stats::CounterRow> counter_rows;  ///< from stats_config.rows, in order
  stats::VisitorCounter& visitors;
  const http::TrustedProxies& proxies;
};

}  // namespace gazette::site
