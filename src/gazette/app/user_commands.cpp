#include "gazette/app/user_commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "gazette/accounts/audit_log.hpp"
#include "gazette/accounts/password_hasher.hpp"
#include "gazette/accounts/user_fields.hpp"
#include "gazette/accounts/user_manager.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/base/utf8.hpp"
#include "gazette/config/config.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"

namespace gazette::app {
namespace {

/// An existing site's config and storage, and the services the commands use.
struct Site {
  config::Config config;
  std::unique_ptr<storage::Storage> storage;
  SystemClock clock;
  std::unique_ptr<accounts::PasswordHasher> hasher;
  std::unique_ptr<accounts::AuditLog> audit;
  std::unique_ptr<accounts::UserManager> users;
};

Result<std::unique_ptr<Site>> OpenSite(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return MakeError(
        ErrorCode::kNotFound,
        fmt::format("site directory {} does not exist; create a site with gazette init", dir.string()));
  }
  auto config = config::LoadConfig(dir, config::ProcessEnvironment());
  if (!config.ok()) return std::move(config).error();
  auto storage = storage::OpenSqliteStorage(config->database_path(), storage::SqliteOpenMode::kExisting);
  if (!storage.ok()) return std::move(storage).error();
  auto site = std::make_unique<Site>();
  site->config = std::move(config).value();
  site->storage = std::move(storage).value();
  site->hasher = std::make_unique<accounts::PasswordHasher>();
  site->audit = std::make_unique<accounts::AuditLog>(site->storage->accounts(), site->clock);
  site->users =
      std::make_unique<accounts::UserManager>(*site->storage, *site->hasher, site->clock, *site->audit);
  return site;
}

/// text padded with spaces to width characters (not bytes: names may be "Zoë").
std::string Padded(const std::string& text, std::size_t width) {
  const std::size_t chars = CodePointCount(text);
  return text + std::string(width > chars ? width - chars : 0, ' ');
}

std::string LocalDateTime(Timestamp t, const TimeZone& zone) {
  const std::int64_t local = ToUnix(t) + zone.UtcOffset(t).count();
  const std::int64_t second_of_day = ((local % 86400) + 86400) % 86400;
  return fmt::format("{} {:02}:{:02}", zone.DateOf(t).ToIso(), second_of_day / 3600, second_of_day / 60 % 60);
}

}  // namespace

Status AddUser(const AddUserOptions& options, const PasswordSource& password, std::ostream& out) {
  auto site = OpenSite(options.dir);
  if (!site.ok()) return std::move(site).error();
  // Everything but the password is checked first, so that nobody types a password for nothing.
  auto role = domain::ParseRole(options.role);
  if (!role.ok()) return std::move(role).error();
  auto email = accounts::NormaliseEmail(options.email);
  if (!email.ok()) return std::move(email).error();
  if (auto name = accounts::NormaliseUserName(options.name); !name.ok()) return std::move(name).error();
  std::optional<std::int64_t> author_id;
  if (!options.author_slug.empty()) {
    auto author = (*site)->storage->catalog().FindAuthorBySlug(options.author_slug);
    if (!author.ok()) {
      if (author.error().code != ErrorCode::kNotFound) return std::move(author).error();
      return MakeError(ErrorCode::kInvalid,
                       fmt::format("there is no author profile with the slug {}; the public page of a profile "
                                   "is /author/SLUG",
                                   options.author_slug));
    }
    author_id = author->id;
  }
  if ((*site)->users->FindByEmail(*email).ok()) {
    return MakeError(
        ErrorCode::kConflict,
        fmt::format("a user with the e-mail address {} already exists; to set their password, run "
                    "gazette user passwd",
                    *email));
  }

  auto secret = password();
  if (!secret.ok()) return std::move(secret).error();
  accounts::NewUserRequest request{*email, options.name, *role, author_id, std::move(secret).value()};
  auto user = (*site)->users->AddUser(request, accounts::Actor::CommandLine());
  if (!user.ok()) return std::move(user).error();
  out << fmt::format("Added {} {} (user {}).\n", domain::RoleName(user->role), user->email, user->id);
  return OkStatus();
}

Status ChangeUserPassword(const std::filesystem::path& dir, const std::string& email,
                          const PasswordSource& password, std::ostream& out) {
  auto site = OpenSite(dir);
  if (!site.ok()) return std::move(site).error();
  auto user = (*site)->users->FindByEmail(email);
  if (!user.ok()) return std::move(user).error();
  auto secret = password();
  if (!secret.ok()) return std::move(secret).error();
  if (auto changed =
          (*site)->users->ChangePassword(user->id, *secret, std::nullopt, accounts::Actor::CommandLine());
      !changed.ok()) {
    return changed;
  }
  out << fmt::format("Changed the password of {}; their sessions have ended.\n", user->email);
  return OkStatus();
}

Status ListUsers(const std::filesystem::path& dir, std::ostream& out) {
  auto site = OpenSite(dir);
  if (!site.ok()) return std::move(site).error();
  auto zone = TimeZone::Load((*site)->config.site.timezone);
  if (!zone.ok()) return std::move(zone).error();
  auto users = (*site)->users->List(accounts::Actor::CommandLine());
  if (!users.ok()) return std::move(users).error();
  if (users->empty()) {
    out << fmt::format("No users yet. Add one with: gazette user add {} --email E --name N --role admin\n",
                       dir.string());
    return OkStatus();
  }

  const std::array<std::string, 6> header = {"id", "email", "name", "role", "disabled", "created"};
  std::vector<std::array<std::string, 6>> rows;
  for (const domain::User& user : *users) {
    rows.push_back({std::to_string(user.id), user.email, user.name, domain::RoleName(user.role),
                    user.disabled ? "yes" : "no", LocalDateTime(user.created_at, *zone)});
  }
  std::array<std::size_t, 6> widths{};
  for (std::size_t i = 0; i < widths.size(); ++i) {
    widths[i] = CodePointCount(header[i]);
    for (const auto& row : rows) widths[i] = std::max(widths[i], CodePointCount(row[i]));
  }
  const auto print = [&](const std::array<std::string, 6>& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += i + 1 == row.size() ? row[i] : Padded(row[i], widths[i]) + "  ";
    }
    out << line << "\n";
  };
  print(header);
  for (const auto& row : rows) print(row);
  out << fmt::format("({} {}, times in {})\n", rows.size(), rows.size() == 1 ? "user" : "users",
                     zone->name());
  return OkStatus();
}

}  // namespace gazette::app
