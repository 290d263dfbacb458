#pragma once
/// RunningSite: a demo site in a temporary directory, served by the real Application on a free loopback
/// port, with a clock the test controls.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gazette/accounts/account_services.hpp"
#include "gazette/app/application.hpp"
#include "gazette/base/clock.hpp"
#include "gazette/storage/storage.hpp"
#include "support/temp_dir.hpp"
#include "support/test_http_client.hpp"

namespace gazette::testing {

struct RunningSiteOptions {
  std::int64_t articles = 150;
  std::uint64_t seed = 7;
  std::string timezone = "Europe/London";
  int page_size = 10;
  /// Extra TOML appended to gazette.toml before the server starts (e.g. a [server] tweak).
  std::string extra_site_toml;
  /// Files to write under DIR before start: relative path -> content (theme overrides).
  std::vector<std::pair<std::string, std::string>> files;
  /// Configuration overrides (GAZETTE_SECTION_KEY -> value), as an operator would set them.
  std::map<std::string, std::string> env;
};

class RunningSite {
 public:
  explicit RunningSite(const RunningSiteOptions& options = {});
  ~RunningSite();

  std::uint16_t port() const { return app_->port(); }
  /// A graceful stop (in-flight requests finish, counters are written) and a new start on the same site.
  void Restart();
  ManualClock& clock() { return *clock_; }
  /// The site directory (gazette.toml, gazette.db).
  const std::filesystem::path& dir() const { return site_dir_; }
  /// A second handle on the site's database, as an editor's process would have.
  storage::Storage& storage() { return *storage_; }

  /// Adds a back-office user (a cheap password hash: tests log in often; the first login re-hashes it at
  /// the production cost, as for any old hash). author_id links them to an author profile.
  domain::User AddUser(const std::string& email, domain::Role role, const std::string& password,
                       std::optional<std::int64_t> author_id = std::nullopt);

  /// Every route the running server answers.
  std::vector<http::Router::Route> Routes() const { return app_->Routes(); }

  HttpResponse Get(const std::string& target,
                   std::vector<std::pair<std::string, std::string>> headers = {}) const {
    return testing::Get(port(), target, std::move(headers));
  }

 private:
  void StartApplication();

  TempDir dir_;
  std::filesystem::path site_dir_;
  std::map<std::string, std::string> env_;
  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<storage::Storage> storage_;
  std::unique_ptr<accounts::AccountServices> accounts_;
  std::unique_ptr<app::Application> app_;
};

}  // namespace gazette::testing
