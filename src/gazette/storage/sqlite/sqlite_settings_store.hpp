#pragma once
/// SettingsStore over SQLite: the site_settings table (migration 0007).

#include "gazette/storage/settings_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(ConnectionPool& pool) : pool_(pool) {}

  Result<SettingValues> LoadSettings() override;
  Status SaveSettings(const SettingValues& values, Timestamp updated_at) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
