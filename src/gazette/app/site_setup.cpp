#include "gazette/app/site_setup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <vector>

#include "gazette/accounts/audit_log.hpp"
#include "gazette/accounts/password_hasher.hpp"
#include "gazette/accounts/password_policy.hpp"
#include "gazette/accounts/user_fields.hpp"
#include "gazette/accounts/user_manager.hpp"
#include "gazette/base/clock.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/config/config.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;

// What a half-made site leaves behind: removed at destruction unless Keep() was called, so that a failed
// (or throwing) init or demo leaves the directory as it found it.
class CreatedFiles {
 public:
  CreatedFiles() = default;
  CreatedFiles(const CreatedFiles&) = delete;
  CreatedFiles& operator=(const CreatedFiles&) = delete;
  ~CreatedFiles() {
    if (!keep_) RemoveAll();
  }
  void Keep() { keep_ = true; }

  void AddDirectory(fs::path dir) { directory_ = std::move(dir); }
  void AddFile(fs::path file) { files_.push_back(std::move(file)); }
  void AddDatabase(const fs::path& db) {
    // SQLite's journal files live beside the database and go with it.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) files_.push_back(db.string() + suffix);
  }

 private:
  // The directory goes only if it is empty: it may hold files of the user's.
  void RemoveAll() {
    std::error_code ignored;
    for (const fs::path& file : files_) fs::remove(file, ignored);
    if (!directory_.empty()) fs::remove(directory_, ignored);
  }

  bool keep_ = false;
  std::vector<fs::path> files_;
  fs::path directory_;
};

Result<config::Config> ConfigFor(const InitOptions& options) {
  config::Config config;
  config.dir = options.dir;
  const std::pair<const char*, const std::string*> values[] = {
      {"name", &options.name},
      {"tagline", &options.tagline},
      {"base_url", &options.base_url},
      {"timezone", &options.timezone},
  };
  for (const auto& [key, value] : values) {
    if (auto set = config::SetKey(config, "site", key, *value); !set) return std::move(set).error();
  }
  return config;
}

Status RefuseExistingSite(const config::Config& config) {
  std::error_code ec;
  for (const fs::path& file : {config.config_path(), config.database_path()}) {
    if (fs::exists(fs::symlink_status(file, ec))) {
      return MakeError(ErrorCode::kConflict,
                       config.dir.string() + " already holds a Gazette site (" + file.filename().string() +
                           " exists); choose another directory or remove the site first");
    }
  }
  const auto status = fs::status(config.dir, ec);
  if (fs::exists(status) && !fs::is_directory(status)) {
    return MakeError(ErrorCode::kInvalid, config.dir.string() + " exists and is not a directory");
  }
  return OkStatus();
}

Status CreateDirectory(const fs::path& dir, CreatedFiles& created) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return OkStatus();
  // Only the innermost directory is recorded for removal; parents the user named are left in place.
  if (!fs::create_directories(dir, ec) && ec) {
    return MakeError(ErrorCode::kUnavailable,
                     "cannot create directory " + dir.string() + ": " + ec.message());
  }
  created.AddDirectory(dir);
  return OkStatus();
}

// O_EXCL, so that two `gazette init` runs racing for one directory cannot both think they made the site.
Status WriteNewFile(const fs::path& path, std::string_view text, CreatedFiles& created) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int error = errno;
    if (error == EEXIST) {
      return MakeError(ErrorCode::kConflict,
                       path.string() + " already exists; the directory already holds a site");
    }
    return MakeError(ErrorCode::kUnavailable, "cannot create " + path.string() + ": " + std::strerror(error));
  }
  created.AddFile(path);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      return MakeError(ErrorCode::kUnavailable,
                       "cannot write " + path.string() + ": " + std::strerror(error));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    return MakeError(ErrorCode::kUnavailable, "cannot write " + path.string() + ": " + std::strerror(errno));
  }
  return OkStatus();
}

struct NewSite {
  config::Config config;
  std::unique_ptr<storage::Storage> storage;
};

// The steps InitSite and CreateDemoSite share; `created` lists what they made.
Result<NewSite> CreateSite(const InitOptions& options, CreatedFiles& created) {
  auto config = ConfigFor(options);
  if (!config) return std::move(config).error();
  if (auto refused = RefuseExistingSite(*config); !refused) return std::move(refused).error();
  if (auto made = CreateDirectory(config->dir, created); !made) return std::move(made).error();
  if (auto written = WriteNewFile(config->config_path(), config::RenderConfigFile(*config), created);
      !written) {
    return std::move(written).error();
  }
  created.AddDatabase(config->database_path());
  auto storage = storage::OpenSqliteStorage(config->database_path(), storage::SqliteOpenMode::kCreate);
  if (!storage) return std::move(storage).error();
  return NewSite{std::move(config).value(), std::move(storage).value()};
}

/// The first administrator, checked in full (the password included) before anything is created.
Result<accounts::NewUserRequest> FirstAdministrator(const InitOptions& options,
                                                    const PasswordSource& admin_password) {
  auto email = accounts::NormaliseEmail(*options.admin_email);
  if (!email) return std::move(email).error();
  auto name = accounts::NormaliseUserName(options.admin_name);
  if (!name) return std::move(name).error();
  // The site's own options are checked before the password is asked for, too.
  auto config = ConfigFor(options);
  if (!config) return std::move(config).error();
  if (auto refused = RefuseExistingSite(*config); !refused) return std::move(refused).error();
  if (!admin_password) return MakeError(ErrorCode::kInternal, "no way to read the administrator's password");
  auto password = admin_password();
  if (!password) return std::move(password).error();
  if (auto strong = accounts::CheckNewPassword(*password); !strong) return std::move(strong).error();
  return accounts::NewUserRequest{std::move(email).value(), std::move(name).value(), domain::Role::kAdmin,
                                  std::nullopt, std::move(password).value()};
}

Status AddFirstAdministrator(storage::Storage& storage, const accounts::NewUserRequest& admin) {
  const SystemClock clock;
  const accounts::PasswordHasher hasher;
  accounts::AuditLog audit(storage.accounts(), clock);
  accounts::UserManager users(storage, hasher, clock, audit);
  auto added = users.AddUser(admin, accounts::Actor::CommandLine());
  if (!added) return std::move(added).error();
  return OkStatus();
}

}  // namespace

// `created` is declared before the site in both functions, so the database is closed before its files
// are removed.
Status InitSite(const InitOptions& options, const PasswordSource& admin_password) {
  std::optional<accounts::NewUserRequest> admin;
  if (options.admin_email) {
    auto checked = FirstAdministrator(options, admin_password);
    if (!checked) return std::move(checked).error();
    admin = std::move(checked).value();
  }
  CreatedFiles created;
  auto site = CreateSite(options, created);
  if (!site) return std::move(site).error();
  if (admin) {
    if (auto added = AddFirstAdministrator(*site->storage, *admin); !added) return added;
  }
  created.Keep();
  return OkStatus();
}

Status CreateDemoSite(const InitOptions& options, const demo::DemoOptions& demo_options) {
  CreatedFiles created;
  auto site = CreateSite(options, created);
  if (!site) return std::move(site).error();
  auto zone = TimeZone::Load(site->config.site.timezone);
  if (!zone) return std::move(zone).error();
  if (auto filled = demo::GenerateDemoContent(*site->storage, demo_options, SystemClock().Now(), *zone);
      !filled) {
    return std::move(filled).error();
  }
  created.Keep();
  return OkStatus();
}

}  // namespace gazette::app
