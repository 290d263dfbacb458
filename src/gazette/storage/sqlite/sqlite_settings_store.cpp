#include "gazette/storage/sqlite/sqlite_settings_store.hpp"

#include <fmt/format.h>

#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

// Keys of this store's statements; the block is clear of every other store's.
enum Key : std::uint64_t {
  kLoad = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1200,
  kUpsert,
};

Status CheckValues(const SettingValues& values) {
  if (values.size() > kMaxSettings) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("at most {} settings are stored at once", kMaxSettings));
  }
  for (const auto& [name, value] : values) {
    if (name.empty() || name.size() > kMaxSettingNameBytes) {
      return MakeError(ErrorCode::kInvalid,
                       fmt::format("a setting's name must be 1 to {} bytes", kMaxSettingNameBytes));
    }
    if (value.size() > kMaxSettingValueBytes) {
      return MakeError(ErrorCode::kInvalid,
                       fmt::format("a setting's value is limited to {} bytes", kMaxSettingValueBytes));
    }
  }
  return OkStatus();
}

}  // namespace

Result<SettingValues> SqliteSettingsStore::LoadSettings() {
  return Guarded(pool_.path(), "read the site settings", [&]() -> Result<SettingValues> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(
        connection.Cached(kLoad, [] { return std::string("SELECT name, value FROM site_settings"); }));
    SettingValues values;
    while (s->Step()) values.emplace(std::string(s->Text(0)), std::string(s->Text(1)));
    return values;
  });
}

Status SqliteSettingsStore::SaveSettings(const SettingValues& values, Timestamp updated_at) {
  if (Status ok = CheckValues(values); !ok.ok()) return ok;
  return Guarded(pool_.path(), "save the site settings", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      for (const auto& [name, value] : values) {
        ScopedUse s(connection.Cached(kUpsert, [] {
          return std::string(
              "INSERT INTO site_settings (name, value, updated_at) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
        }));
        s->BindText(1, name);
        s->BindText(2, value);
        s->BindInt(3, ToUnix(updated_at));
        s->Run();
      }
      return OkStatus();
    });
  });
}

}  // namespace gazette::storage::sqlite
