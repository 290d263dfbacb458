#pragma once
/// Application: the composition root. Builds every part from the config (storage, templates, router,
/// server), fails fast on a bad one, and on stop drains connections and closes stores.
/// The only place that names a concrete storage backend.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/base/time_zone.hpp"
#include "gazette/config/config.hpp"
#include "gazette/http/request.hpp"
#include "gazette/http/router.hpp"

namespace gazette::app {

struct ServeOverrides {
  std::optional<std::string> listen;  ///< "HOST:PORT", overrides [server] listen
  std::optional<int> threads;         ///< overrides [server] threads
};

class Application {
 public:
  /// Loads DIR/gazette.toml (with environment overrides), opens the database and the theme.
  /// Errors name the problem in one line (missing directory, bad config key, corrupt database).
  static Result<std::unique_ptr<Application>> Open(const std::filesystem::path& dir,
                                                   const config::Environment& env,
                                                   const ServeOverrides& overrides,
                                                   std::shared_ptr<const Clock> clock);
  ~Application();

  /// Binds and starts serving. kUnavailable when the address cannot be bound.
  Status Start();
  /// The bound port, after Start.
  std::uint16_t port() const;
  /// Graceful stop: in-flight requests finish, stores are flushed and closed.
  void Stop();

  const config::Config& config() const;
  /// Every route the server answers (after Start): for tests that walk them all.
  std::vector<http::Router::Route> Routes() const;

 private:
  struct Impl;
  Application();
  /// The back office and the services behind it: accounts, the article editor, the media library.
  static Status OpenBackOffice(Impl& impl, const std::filesystem::path& default_theme);

  std::unique_ptr<Impl> impl_;
};

/// `gazette serve`: Open, Start, wait for SIGINT/SIGTERM, Stop. Returns the process exit code (0 on a clean
/// stop, 2 on a start-up error, which is printed as one line to stderr).
int Serve(const std::filesystem::path& dir, const ServeOverrides& overrides);

}  // namespace gazette::app
