#pragma once
/// The site settings that the back office may change, as stored (settings names are "section.key" of
/// gazette.toml): applying stored values over the file's, checking what a person typed, and the text a
/// form shows for the value in effect. Every check is the one gazette.toml's key gets (config::SetKey),
/// so the file and the back office can never disagree on what is allowed.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/config/config.hpp"
#include "gazette/storage/settings_store.hpp"

namespace gazette::settings {

struct EditableSetting {
  std::string_view name;     ///< "site.page_size": the stored name
  std::string_view section;  ///< "site"
  std::string_view key;      ///< "page_size"
  std::string_view label;    ///< "Page size": how the form and messages call it
  /// Whether a change reaches everything at once; false when part of it waits for the next start.
  bool fully_live = true;
};

/// Every editable setting, in the form's order.
std::span<const EditableSetting> EditableSettings();

/// The value of setting in config as a form shows it and as SetKey reads it back ("today, yesterday").
std::string SettingText(const config::Config& config, std::string_view name);

/// Applies stored values over config (the file's). A stored value that no longer passes its check (a
/// later version tightened it) or an unknown name is skipped: each is returned as a warning for the log,
/// and the file's value stays.
std::vector<std::string> ApplyStoredSettings(config::Config& config, const storage::SettingValues& stored);

/// What typed (setting name -> text as typed) makes of base: the new config, the values to store (those
/// that differ from base), and a message per setting that was refused (then nothing may be stored).
struct CheckedSettings {
  config::Config config;
  storage::SettingValues changed;
  std::map<std::string, std::string, std::less<>> problems;  ///< setting name -> message for people
};
CheckedSettings CheckSettings(const config::Config& base, const storage::SettingValues& typed);

}  // namespace gazette::settings
