#include "gazette/admin/settings_screen.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gazette/accounts/audit_actions.hpp"
#include "gazette/settings/editable_settings.hpp"

namespace gazette::admin {
namespace {

/// The form's field names: the setting names with the dot replaced ("site_page_size").
std::string FieldName(std::string_view setting) {
  std::string name(setting);
  std::replace(name.begin(), name.end(), '.', '_');
  return name;
}

/// What each field says under it: the allowed values, and what waits for a restart.
std::string_view HintFor(std::string_view setting) {
  if (setting == "site.name") return "1 to 200 characters.";
  if (setting == "site.tagline") return "Up to 200 characters; may be empty.";
  if (setting == "site.timezone") {
    return "An IANA name such as Europe/London. Pages and the back office use a new zone at once; the "
           "visitor counter starts its days at midnight of the new zone after the next restart.";
  }
  if (setting == "site.language") return "A BCP 47 tag such as en, de or pt-BR: day and month names.";
  if (setting == "site.date_format") return "An ICU date pattern, e.g. EEEE, d.MM.yyyy.";
  if (setting == "site.page_size") return "Teasers per list page, 1 to 100.";
  if (setting == "stats.rows")
    return "Comma-separated, in order: today, yesterday, this_week, this_month, all.";
  if (setting == "stats.initial_total")
    return "Visitors counted before the site moved here, added to All; 0 or more.";
  return {};
}

}  // namespace

void SettingsScreen::Register(AdminRoutes& routes) const {
  routes.AddNavigation("Settings", "/admin/settings", domain::Permission::kManageSettings);
  routes.Get("/admin/settings", domain::Permission::kManageSettings,
             [this](AdminRequest& request) { return Show(request); });
  routes.Post("/admin/settings", domain::Permission::kManageSettings,
              [this](AdminRequest& request) { return Save(request); });
}

http::Response SettingsScreen::Form(AdminRequest& request, const storage::SettingValues& values,
                                    const std::map<std::string, std::string, std::less<>>& problems,
                                    unsigned status) const {
  render::View view = pages_.PageView(request, "Settings");
  render::View fields{render::View::type::list};
  for (const auto& setting : settings::EditableSettings()) {
    render::View field;
    field.set("name", FieldName(setting.name));
    field.set("label", std::string(setting.label));
    field.set("hint", std::string(HintFor(setting.name)));
    const auto value = values.find(setting.name);
    field.set("value", value != values.end() ? value->second : std::string());
    field.set("number", setting.name == "site.page_size" || setting.name == "stats.initial_total");
    if (const auto problem = problems.find(setting.name); problem != problems.end()) {
      field.set("field_problem", problem->second);
    }
    fields.push_back(field);
  }
  view.set("fields", fields);
  if (!problems.empty()) view.set("problem", "Nothing was saved: correct the fields marked below.");
  return pages_.Render("settings", std::move(view), status);
}

http::Response SettingsScreen::Show(AdminRequest& request) const {
  config::Config current = ctx_.config;
  const auto snapshot = ctx_.live.Current();
  current.site = snapshot->site;
  current.stats = snapshot->stats;
  storage::SettingValues values;
  for (const auto& setting : settings::EditableSettings()) {
    values.emplace(setting.name, settings::SettingText(current, setting.name));
  }
  return Form(request, values, {}, 200);
}

http::Response SettingsScreen::Save(AdminRequest& request) const {
  storage::SettingValues typed;
  for (const auto& setting : settings::EditableSettings()) {
    typed.emplace(setting.name, std::string(request.form.Get(FieldName(setting.name)).value_or("")));
  }
  std::lock_guard lock(save_mutex_);
  config::Config current = ctx_.config;
  const auto snapshot = ctx_.live.Current();
  current.site = snapshot->site;
  current.stats = snapshot->stats;
  auto checked = settings::CheckSettings(current, typed);
  if (!checked.problems.empty()) return Form(request, typed, checked.problems, 400);
  if (checked.changed.empty()) return http::Response::SeeOther("/admin/settings?done=settings-saved");

  auto next = settings::SiteSnapshot::Build(checked.config.site, checked.config.stats);
  if (!next.ok()) return Form(request, typed, {{"site.date_format", next.error().message}}, 400);
  std::string detail;
  for (const auto& [name, value] : checked.changed)
    detail += (detail.empty() ? "" : "; ") + name + " = " + value;
  const Status saved = ctx_.storage.InTransaction([&]() -> Status {
    if (Status stored = ctx_.storage.settings().SaveSettings(checked.changed, ctx_.clock.Now());
        !stored.ok()) {
      return stored;
    }
    return ctx_.accounts.audit().Record(request.actor(), accounts::audit_action::kSettingsChanged,
                                        "site settings", detail);
  });
  if (!saved.ok()) return pages_.ServiceError(request, saved.error());
  // In effect once stored: the next request of any reader sees the whole change.
  ctx_.live.Replace(std::move(next).value());
  ctx_.visitors.SetInitialTotal(checked.config.stats.initial_total);
  return http::Response::SeeOther("/admin/settings?done=settings-saved");
}

}  // namespace gazette::admin
