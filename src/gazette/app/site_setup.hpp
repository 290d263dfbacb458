#pragma once
/// Creating sites: `gazette init` (an empty site) and `gazette demo` (a site with demo content).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "gazette/app/password_input.hpp"
#include "gazette/base/result.hpp"
#include "gazette/demo/demo_content.hpp"

namespace gazette::app {

struct InitOptions {
  std::filesystem::path dir;
  std::string name = "Gazette";
  std::string tagline;
  std::string base_url = "http://127.0.0.1:8080";
  std::string timezone = "UTC";
  /// When set, init also adds the first administrator, with this e-mail address and admin_name.
  std::optional<std::string> admin_email;
  std::string admin_name = "Administrator";
};

/// Creates dir if needed, writes dir/gazette.toml and a migrated dir/gazette.db, and with
/// options.admin_email adds the first administrator with the password from admin_password, which is
/// asked for only after every other option was checked.
/// kConflict when dir already holds a site (gazette.toml or gazette.db present); kInvalid for a bad
/// option (unknown time zone, base URL not http(s), administrator's e-mail address, name or password);
/// kUnavailable when the directory cannot be written. On failure nothing is left behind.
Status InitSite(const InitOptions& options, const PasswordSource& admin_password = {});

/// InitSite, then demo content. On failure the half-made site files are removed.
Status CreateDemoSite(const InitOptions& options, const demo::DemoOptions& demo_options);

}  // namespace gazette::app
