#include "integration/running_site.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>

#include "gazette/app/site_setup.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"

namespace gazette::testing {
namespace {

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

[[noreturn]] void Fail(const std::string& what) { throw std::runtime_error(what); }

}  // namespace

RunningSite::RunningSite(const RunningSiteOptions& options)
    : clock_(std::make_shared<ManualClock>(SystemClock().Now())) {
  app::InitOptions init;
  init.dir = dir_.path() / "site";
  init.name = "Public Sector Digest";
  init.tagline = "News on public-sector transformation every day since 2001";
  init.timezone = options.timezone;
  demo::DemoOptions demo;
  demo.articles = options.articles;
  demo.seed = options.seed;
  if (auto status = app::CreateDemoSite(init, demo); !status.ok()) Fail(status.error().message);

  {
    std::ofstream toml(init.dir / "gazette.toml", std::ios::app);
    toml << "\n" << options.extra_site_toml << "\n";
  }
  for (const auto& [relative, content] : options.files) WriteFile(init.dir / relative, content);

  auto storage = storage::OpenSqliteStorage(init.dir / "gazette.db", storage::SqliteOpenMode::kExisting);
  if (!storage.ok()) Fail(storage.error().message);
  storage_ = std::move(storage).value();

  env_ = options.env;
  env_.emplace("GAZETTE_SITE_PAGE_SIZE", std::to_string(options.page_size));
  env_.emplace("GAZETTE_SERVER_ACCESS_LOG", "false");
  site_dir_ = init.dir;
  StartApplication();
}

void RunningSite::StartApplication() {
  config::Environment env(env_.begin(), env_.end());
  app::ServeOverrides overrides;
  overrides.listen = "127.0.0.1:0";
  overrides.threads = 2;
  auto app = app::Application::Open(site_dir_, env, overrides, clock_);
  if (!app.ok()) Fail(app.error().message);
  app_ = std::move(app).value();
  if (auto status = app_->Start(); !status.ok()) Fail(status.error().message);
}

void RunningSite::Restart() {
  app_->Stop();
  app_.reset();
  StartApplication();
}

domain::User RunningSite::AddUser(const std::string& email, domain::Role role, const std::string& password,
                                  std::optional<std::int64_t> author_id) {
  if (!accounts_) {
    accounts::AccountOptions options;
    options.hash_cost = accounts::PasswordHashCost::Minimum();
    auto accounts = accounts::AccountServices::Open(*storage_, *clock_, options);
    if (!accounts.ok()) Fail(accounts.error().message);
    accounts_ = std::move(accounts).value();
  }
  accounts::NewUserRequest request;
  request.email = email;
  request.name = email.substr(0, email.find('@'));
  request.role = role;
  request.author_id = author_id;
  request.password = password;
  auto user = accounts_->users().AddUser(request, accounts::Actor::CommandLine());
  if (!user.ok()) Fail(user.error().message);
  return std::move(user).value();
}

RunningSite::~RunningSite() {
  if (app_) app_->Stop();
}

}  // namespace gazette::testing
