#pragma once
/// SettingsStore: the site settings changed in the back office, as text under their configuration names
/// ("site.name", "stats.rows"); they override gazette.toml. Stores text as given: which names exist and
/// what their values may be is settings::'s to check.

#include <cstddef>
#include <map>
#include <string>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"

namespace gazette::storage {

/// Setting name -> value text, ordered by name.
using SettingValues = std::map<std::string, std::string, std::less<>>;

/// Limits checked by the store (kInvalid beyond them), so that no caller stores unbounded rows.
inline constexpr std::size_t kMaxSettingNameBytes = 64;
inline constexpr std::size_t kMaxSettingValueBytes = 4096;
/// A site has about ten editable settings; far more would be a bug.
inline constexpr std::size_t kMaxSettings = 100;

/// Thread-safe.
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;

  /// Every stored setting.
  virtual Result<SettingValues> LoadSettings() = 0;
  /// Stores each of values (replacing what was stored under its name) at updated_at, in one transaction
  /// (the caller's, when there is one); names not in values are left alone. kInvalid for an empty name or
  /// one over the limits above, or more than kMaxSettings values.
  virtual Status SaveSettings(const SettingValues& values, Timestamp updated_at) = 0;
};

}  // namespace gazette::storage
