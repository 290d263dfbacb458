#pragma once
/// AdminContext: what the back office's screens work with, built once by the composition root. Everything
/// referenced outlives the back office; every member is safe to use from the server's threads.

#include <functional>

#include "gazette/accounts/account_services.hpp"
#include "gazette/base/clock.hpp"
#include "gazette/comments/comment_service.hpp"
#include "gazette/config/config.hpp"
#include "gazette/editorial/article_editor.hpp"
#include "gazette/http/static_files.hpp"
#include "gazette/http/trusted_proxies.hpp"
#include "gazette/media/media_library.hpp"
#include "gazette/render/templates.hpp"
#include "gazette/settings/live_settings.hpp"
#include "gazette/stats/visitor_counter.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::admin {

struct AdminContext {
  const config::Config& config;  ///< as loaded at start; the site settings in effect are live's
  storage::Storage& storage;
  const render::Templates& templates;  ///< the back office's own theme (themes/admin)
  const http::StaticFiles& assets;     ///< its stylesheet and scripts, under /admin/assets/
  const settings::LiveDates& dates;  ///< the site's zone and date format in effect at each call
  const Clock& clock;
  accounts::AccountServices& accounts;
  editorial::ArticleEditor& editor;
  media::MediaLibrary& media;
  stats::VisitorCounter& visitors;
  const http::TrustedProxies& proxies;
  /// Reloads what the public site holds in memory of the categories (its navigation); called after every
  /// category change. Safe to call from any thread.
  std::function<Status()> reload_categories;
  settings::LiveSettings& live;  ///< the site settings in effect; /admin/settings replaces them
  comments::CommentService& comments;  ///< readers' comments: moderation
};

}  // namespace gazette::admin
