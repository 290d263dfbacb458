#include "gazette/settings/editable_settings.hpp"

#include <fmt/format.h>

#include <array>

#include "gazette/base/time_zone.hpp"
#include "gazette/render/date_formatter.hpp"

namespace gazette::settings {
namespace {

// When adding a setting here, also add it to SettingText, the settings page's template and
// docs/configuration.md.
constexpr std::array<EditableSetting, 8> kEditable{{
    {"site.name", "site", "name", "Site name"},
    {"site.tagline", "site", "tagline", "Tagline"},
    // The visitor counter keeps the day boundary of the zone it started with: see docs/configuration.md.
    {"site.timezone", "site", "timezone", "Time zone", false},
    {"site.language", "site", "language", "Language"},
    {"site.date_format", "site", "date_format", "Date format"},
    {"site.page_size", "site", "page_size", "Page size"},
    {"stats.rows", "stats", "rows", "Counter rows"},
    {"stats.initial_total", "stats", "initial_total", "Initial total"},
}};

const EditableSetting* Find(std::string_view name) {
  for (const auto& setting : kEditable) {
    if (setting.name == name) return &setting;
  }
  return nullptr;
}

/// SetKey's messages start with "[section] key "; beside a field the label reads better.
std::string ForPeople(const EditableSetting& setting, std::string_view message) {
  const std::string prefix = fmt::format("[{}] {} ", setting.section, setting.key);
  if (message.starts_with(prefix)) message.remove_prefix(prefix.size());
  return fmt::format("{} {}", setting.label, message);
}

}  // namespace

std::span<const EditableSetting> EditableSettings() {
  return kEditable;
}

std::string SettingText(const config::Config& config, std::string_view name) {
  if (name == "site.name") return config.site.name;
  if (name == "site.tagline") return config.site.tagline;
  if (name == "site.timezone") return config.site.timezone;
  if (name == "site.language") return config.site.language;
  if (name == "site.date_format") return config.site.date_format;
  if (name == "site.page_size") return std::to_string(config.site.page_size);
  if (name == "stats.initial_total") return std::to_string(config.stats.initial_total);
  if (name == "stats.rows") {
    std::string text;
    for (const auto& row : config.stats.rows) text += (text.empty() ? "" : ", ") + row;
    return text;
  }
  return {};
}

std::vector<std::string> ApplyStoredSettings(config::Config& config, const storage::SettingValues& stored) {
  std::vector<std::string> warnings;
  const config::SiteConfig file_site = config.site;
  for (const auto& [name, value] : stored) {
    const EditableSetting* setting = Find(name);
    if (setting == nullptr) {
      warnings.push_back(fmt::format("the stored setting \"{}\" is not known here and is ignored", name));
      continue;
    }
    config::Config attempt = config;
    if (Status applied = config::SetKey(attempt, setting->section, setting->key, value); !applied.ok()) {
      warnings.push_back(fmt::format("the stored setting {} is ignored: {}", name, applied.error().message));
      continue;
    }
    config = std::move(attempt);
  }
  // The three together must make a formatter; if stored ones do not, the file's date settings stay.
  if (auto zone = TimeZone::Load(config.site.timezone);
      !zone.ok() ||
      !render::DateFormatter::Create(config.site.date_format, config.site.language, *zone).ok()) {
    warnings.push_back("the stored date format, language and time zone do not work together and are ignored");
    config.site.timezone = file_site.timezone;
    config.site.language = file_site.language;
    config.site.date_format = file_site.date_format;
  }
  return warnings;
}

CheckedSettings CheckSettings(const config::Config& base, const storage::SettingValues& typed) {
  CheckedSettings checked{base, {}, {}};
  for (const auto& setting : kEditable) {
    const auto it = typed.find(setting.name);
    if (it == typed.end()) continue;
    if (Status applied = config::SetKey(checked.config, setting.section, setting.key, it->second);
        !applied.ok()) {
      checked.problems.emplace(setting.name, ForPeople(setting, applied.error().message));
      continue;
    }
    // Stored as read back, so that "today ,all" and "today, all" are one value.
    std::string text = SettingText(checked.config, setting.name);
    if (text != SettingText(base, setting.name)) checked.changed.emplace(setting.name, std::move(text));
  }
  if (checked.problems.empty()) {
    // A pattern ICU refuses (or one that fails in the language) is only found by building the formatter.
    auto zone = TimeZone::Load(checked.config.site.timezone);
    if (!zone.ok()) {
      checked.problems.emplace("site.timezone", "Time zone " + zone.error().message);
    } else if (auto dates = render::DateFormatter::Create(checked.config.site.date_format,
                                                          checked.config.site.language, *zone);
               !dates.ok()) {
      checked.problems.emplace("site.date_format", "Date format: " + dates.error().message);
    }
  }
  if (!checked.problems.empty()) checked.changed.clear();
  return checked;
}

}  // namespace gazette::settings
