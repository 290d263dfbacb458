#include "gazette/app/application.hpp"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "gazette/accounts/account_services.hpp"
#include "gazette/admin/back_office.hpp"
#include "gazette/app/periodic_task.hpp"
#include "gazette/app/theme_location.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/comments/comment_service.hpp"
#include "gazette/editorial/article_editor.hpp"
#include "gazette/http/router.hpp"
#include "gazette/http/server.hpp"
#include "gazette/http/static_files.hpp"
#include "gazette/http/trusted_proxies.hpp"
#include "gazette/media/media_library.hpp"
#include "gazette/render/date_formatter.hpp"
#include "gazette/render/templates.hpp"
#include "gazette/settings/editable_settings.hpp"
#include "gazette/settings/live_settings.hpp"
#include "gazette/site/live_category_directory.hpp"
#include "gazette/site/media_files.hpp"
#include "gazette/site/public_site.hpp"
#include "gazette/stats/visitor_counter.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"

namespace gazette::app {

struct Application::Impl {
  config::Config config;
  std::shared_ptr<const Clock> clock;
  std::unique_ptr<storage::Storage> storage;
  std::optional<render::Templates> templates;
  std::unique_ptr<settings::LiveSettings> live;
  std::optional<settings::LiveDates> live_dates;
  std::optional<http::StaticFiles> assets;
  std::unique_ptr<site::LiveCategoryDirectory> categories;
  http::TrustedProxies proxies;
  std::unique_ptr<stats::VisitorCounter> visitors;
  std::unique_ptr<comments::CommentService> comments;
  std::unique_ptr<site::PublicSite> site;
  std::optional<render::Templates> admin_templates;
  std::optional<http::StaticFiles> admin_assets;
  std::unique_ptr<accounts::AccountServices> accounts;
  std::unique_ptr<editorial::ArticleEditor> editor;
  std::unique_ptr<media::MediaLibrary> media;
  std::unique_ptr<site::MediaFiles> media_files;
  std::unique_ptr<admin::BackOffice> back_office;
  std::shared_ptr<http::Router> router;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<PeriodicTask> maintenance;
  bool running = false;
};

namespace {

/// Where the back office takes file uploads: the one path prefix with [server] max_upload_bytes as its
/// body limit.
constexpr std::string_view kMediaUploadPrefix = "/admin/media";

/// How often expired back-office sessions are deleted. They are refused anyway when they come back, so this
/// only keeps the table small: hourly is plenty, and costs one indexed DELETE.
constexpr std::chrono::hours kMaintenanceInterval{1};

/// The storage maintenance run at start and then every kMaintenanceInterval. Failures are logged and the
/// next run tries again: a busy database now and then must not stop the server.
void RunMaintenance(accounts::Sessions& sessions) {
  auto purged = sessions.PurgeExpired();
  if (!purged.ok()) {
    spdlog::warn("maintenance: expired sessions not purged: {}", purged.error().message);
  } else if (*purged > 0) {
    spdlog::info("maintenance: purged {} expired sessions", *purged);
  }
}

Error WithContext(std::string_view context, Error error) {
  error.message = std::string(context) + ": " + error.message;
  return error;
}

Status ApplyOverrides(config::Config& config, const ServeOverrides& overrides) {
  if (overrides.listen) {
    auto listen = config::ParseListen(*overrides.listen);
    if (!listen.ok()) return WithContext("--listen", std::move(listen).error());
    config.server.host = listen->first;
    config.server.port = listen->second;
  }
  if (overrides.threads) {
    if (auto status = config::SetKey(config, "server", "threads", std::to_string(*overrides.threads));
        !status.ok()) {
      return WithContext("--threads", std::move(status).error());
    }
  }
  return OkStatus();
}

/// "10 MB", "512 KB": a limit as people read it.
std::string ReadableSize(std::int64_t bytes) {
  constexpr std::int64_t kKilo = 1024;
  if (bytes >= kKilo * kKilo && bytes % (kKilo * kKilo) == 0)
    return fmt::format("{} MB", bytes / (kKilo * kKilo));
  if (bytes >= kKilo) return fmt::format("{} KB", bytes / kKilo);
  return fmt::format("{} bytes", bytes);
}

}  // namespace

/// The back office's theme is a sibling of the default theme (themes/admin beside themes/default).
Status Application::OpenBackOffice(Impl& impl, const std::filesystem::path& default_theme) {
  const std::filesystem::path admin_theme = default_theme.parent_path() / "admin";
  auto templates = render::Templates::Load({admin_theme});
  if (!templates.ok()) return WithContext("back-office theme", std::move(templates).error());
  impl.admin_templates.emplace(std::move(templates).value());
  auto assets = http::StaticFiles::Load({admin_theme / "assets"}, "/admin/assets/");
  if (!assets.ok()) return WithContext("back-office theme assets", std::move(assets).error());
  impl.admin_assets.emplace(std::move(assets).value());

  auto accounts = accounts::AccountServices::Open(*impl.storage, *impl.clock);
  if (!accounts.ok()) return WithContext("accounts", std::move(accounts).error());
  impl.accounts = std::move(accounts).value();
  // The zone in effect at each call: a change at /admin/settings reaches the editor's forms at once.
  const settings::LiveSettings& live = *impl.live;
  impl.editor = std::make_unique<editorial::ArticleEditor>(*impl.storage, *impl.clock,
                                                           [&live] { return live.Current()->dates.zone(); });
  media::MediaLimits limits;
  limits.max_bytes = static_cast<std::size_t>(impl.config.server.max_upload_bytes);
  auto media = media::MediaLibrary::Open(impl.storage->media(), impl.config.dir / "media", limits);
  if (!media.ok()) return WithContext("media library", std::move(media).error());
  impl.media = std::move(media).value();
  impl.media_files = std::make_unique<site::MediaFiles>(*impl.media, *impl.site);

  impl.back_office = std::make_unique<admin::BackOffice>(admin::AdminContext{
      impl.config, *impl.storage, *impl.admin_templates, *impl.admin_assets, *impl.live_dates, *impl.clock,
      *impl.accounts, *impl.editor, *impl.media, *impl.visitors, impl.proxies,
      // The public navigation shows a category change on the next page.
      [categories = impl.categories.get()] { return categories->Reload(); }, *impl.live, *impl.comments});
  return OkStatus();
}

Application::Application() : impl_(std::make_unique<Impl>()) {}
Application::~Application() { Stop(); }

Result<std::unique_ptr<Application>> Application::Open(const std::filesystem::path& dir,
                                                       const config::Environment& env,
                                                       const ServeOverrides& overrides,
                                                       std::shared_ptr<const Clock> clock) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return MakeError(ErrorCode::kNotFound,
                     "site directory " + dir.string() + " does not exist; create one with 'gazette init " +
                         dir.string() + "'");
  }
  std::unique_ptr<Application> app(new Application());
  Impl& impl = *app->impl_;
  impl.clock = std::move(clock);

  auto config = config::LoadConfig(dir, env);
  if (!config.ok()) return std::move(config).error();
  impl.config = std::move(config).value();
  if (auto status = ApplyOverrides(impl.config, overrides); !status.ok()) return std::move(status).error();

  // The file's own values must work, whatever the database holds: it is what a site falls back on.
  if (auto zone = TimeZone::Load(impl.config.site.timezone); !zone.ok()) {
    return WithContext("[site] timezone", std::move(zone).error());
  } else if (auto dates = render::DateFormatter::Create(impl.config.site.date_format, impl.config.site.language,
                                                        *zone);
             !dates.ok()) {
    return WithContext("[site] date_format", std::move(dates).error());
  }

  auto storage = storage::OpenSqliteStorage(impl.config.database_path(), storage::SqliteOpenMode::kExisting);
  if (!storage.ok()) return std::move(storage).error();
  impl.storage = std::move(storage).value();

  // Settings changed in the back office override the file's.
  auto stored = impl.storage->settings().LoadSettings();
  if (!stored.ok()) return WithContext("site settings", std::move(stored).error());
  for (const auto& warning : settings::ApplyStoredSettings(impl.config, *stored)) spdlog::warn("{}", warning);
  auto snapshot = settings::SiteSnapshot::Build(impl.config.site, impl.config.stats);
  if (!snapshot.ok()) return WithContext("site settings", std::move(snapshot).error());
  impl.live = std::make_unique<settings::LiveSettings>(std::move(snapshot).value());
  impl.live_dates.emplace(*impl.live);
  const TimeZone zone = impl.live->Current()->dates.zone();

  auto theme = FindDefaultTheme(env);
  if (!theme.ok()) return std::move(theme).error();
  const std::vector<std::filesystem::path> theme_roots{*theme, impl.config.theme_override_dir()};
  auto templates = render::Templates::Load(theme_roots);
  if (!templates.ok()) return WithContext("theme", std::move(templates).error());
  impl.templates.emplace(std::move(templates).value());
  auto assets = http::StaticFiles::Load({*theme / "assets", impl.config.theme_override_dir() / "assets"});
  if (!assets.ok()) return WithContext("theme assets", std::move(assets).error());
  impl.assets.emplace(std::move(assets).value());

  auto categories = site::LiveCategoryDirectory::Load(impl.storage->catalog());
  if (!categories.ok()) return std::move(categories).error();
  impl.categories = std::move(categories).value();

  auto proxies = http::TrustedProxies::Parse(impl.config.server.trusted_proxies);
  if (!proxies.ok()) return WithContext("[server] trusted_proxies", std::move(proxies).error());
  impl.proxies = std::move(proxies).value();

  stats::VisitorCounterOptions counter_options;
  counter_options.counting = impl.config.stats.counting;
  counter_options.initial_total = impl.config.stats.initial_total;
  auto visitors = stats::VisitorCounter::Start(impl.storage->stats(), *impl.clock, zone, counter_options);
  if (!visitors.ok()) return WithContext("visitor statistics", std::move(visitors).error());
  impl.visitors = std::move(visitors).value();

  comments::CommentOptions comment_options;
  comment_options.moderation = impl.config.comments.moderation == "trusted" ? comments::ModerationMode::kTrusted
                                                                             : comments::ModerationMode::kAll;
  comment_options.max_links = impl.config.comments.max_links;
  comment_options.min_form_age = std::chrono::seconds(impl.config.comments.min_seconds);
  auto comment_service = comments::CommentService::Open(*impl.storage, *impl.clock, comment_options);
  if (!comment_service.ok()) return WithContext("comments", std::move(comment_service).error());
  impl.comments = std::move(comment_service).value();

  impl.site = std::make_unique<site::PublicSite>(site::SiteContext{
      *impl.live, *impl.storage, *impl.templates, *impl.assets, *impl.categories, *impl.clock, *impl.visitors,
      impl.proxies, *impl.comments},
      site::PageCacheOptions{impl.config.cache.enabled, static_cast<std::size_t>(impl.config.cache.max_bytes)});

  if (auto status = OpenBackOffice(impl, *theme); !status.ok()) return std::move(status).error();
  return app;
}

Status Application::Start() {
  Impl& impl = *impl_;
  auto router = std::make_shared<http::Router>();
  impl.site->RegisterRoutes(*router);
  impl.media_files->Register(*router);
  impl.back_office->RegisterRoutes(*router);
  // Errors the router answers itself (405, 500) are drawn by the part of the site the address belongs to.
  router->SetErrorRenderer([&impl](const http::Request* request, unsigned status, std::string_view message) {
    if (request != nullptr && admin::BackOffice::Owns(request->path())) {
      return impl.back_office->ErrorPage(request, status, message);
    }
    if (status == 413) {
      // The only body a reader's browser sends that can be this large is an upload: say what fits.
      return impl.site->ErrorPage(413,
                                  fmt::format("What was sent is too large for this address. Image uploads "
                                              "may be at most {}.",
                                              ReadableSize(impl.config.server.max_upload_bytes)));
    }
    return impl.site->ErrorPage(status, message);
  });
  impl.router = router;

  http::ServerOptions options;
  options.host = impl.config.server.host;
  options.port = impl.config.server.port;
  options.threads = impl.config.server.threads > 0
                        ? impl.config.server.threads
                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.slow_request_threads = impl.config.server.slow_request_threads;
  options.access_log = impl.config.server.access_log;
  // Uploads go to the media library; every other path keeps the small default body limit.
  options.body_limits.push_back(
      {std::string(kMediaUploadPrefix), static_cast<std::size_t>(impl.config.server.max_upload_bytes)});
  impl.server = std::make_unique<http::Server>(options, std::move(router));
  if (auto status = impl.server->Start(); !status.ok()) return status;
  impl.running = true;
  // The first run is here rather than on the task's thread, so that a server restarted more often than
  // the interval still purges, and so that once Start returns the purge is done.
  RunMaintenance(impl.accounts->sessions());
  impl.maintenance = std::make_unique<PeriodicTask>(kMaintenanceInterval,
                                                    [&impl] { RunMaintenance(impl.accounts->sessions()); });
  return OkStatus();
}

std::uint16_t Application::port() const { return impl_->server ? impl_->server->port() : 0; }

void Application::Stop() {
  if (!impl_) return;
  // First, and at once: the task wakes from its wait instead of finishing the hour.
  if (impl_->maintenance) {
    impl_->maintenance->Stop();
    impl_->maintenance.reset();
  }
  if (impl_->running) {
    impl_->server->Stop();
    impl_->running = false;
  }
  // After the server: the last page views are in memory until this final flush.
  if (impl_->visitors) impl_->visitors->Stop();
}

const config::Config& Application::config() const { return impl_->config; }

std::vector<http::Router::Route> Application::Routes() const {
  return impl_->router ? impl_->router->Routes() : std::vector<http::Router::Route>{};
}

int Serve(const std::filesystem::path& dir, const ServeOverrides& overrides) {
  // Block the stop signals before any thread starts, so that every thread inherits the mask and only
  // sigwait below receives them: a graceful stop instead of a kill in the middle of a write.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A client closing its socket mid-write must not end the process.
  signal(SIGPIPE, SIG_IGN);

  auto app = Application::Open(dir, config::ProcessEnvironment(), overrides, std::make_shared<SystemClock>());
  // Start-up errors are one plain line, like every other command's: "gazette: <what and what to do>".
  if (!app.ok()) {
    std::fprintf(stderr, "gazette: %s\n", app.error().message.c_str());
    return 2;
  }
  if (auto status = (*app)->Start(); !status.ok()) {
    std::fprintf(stderr, "gazette: %s\n", status.error().message.c_str());
    return 2;
  }
  const auto& server_config = (*app)->config().server;
  spdlog::info("Gazette is serving {} at http://{}:{}/", (*app)->config().site.name, server_config.host,
               (*app)->port());
  int received = 0;
  sigwait(&stop_signals, &received);
  spdlog::info("stopping ({}): finishing requests in flight", received == SIGINT ? "SIGINT" : "SIGTERM");
  (*app)->Stop();
  spdlog::info("stopped");
  return 0;
}

}  // namespace gazette::app
