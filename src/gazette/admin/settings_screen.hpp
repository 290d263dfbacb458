#pragma once
/// SettingsScreen: /admin/settings, the site settings an administrator changes without editing
/// gazette.toml or restarting: name, tagline, time zone, language, date format, page size and the visitor
/// counter's rows and initial total. Saved in the database (they override the file) and in effect from
/// the next request.

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/storage/settings_store.hpp"

namespace gazette::admin {

/// Thread-safe once registered; saves are one at a time, so that two administrators saving at once
/// cannot leave the database and the settings in effect disagreeing.
class SettingsScreen {
 public:
  SettingsScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response Show(AdminRequest& request) const;
  http::Response Save(AdminRequest& request) const;

  /// The form with values (setting name -> text) and a message beside each refused field.
  http::Response Form(AdminRequest& request, const storage::SettingValues& values,
                      const std::map<std::string, std::string, std::less<>>& problems, unsigned status) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
  mutable std::mutex save_mutex_;
};

}  // namespace gazette::admin
