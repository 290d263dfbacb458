#pragma once
/// Creating sites: `gazette init` (an empty site) and `gazette demo` (a site with demo content).

#include <cstdint>
#include <filesystem>
#include <string>

#include "gazette/base/result.hpp"
#include "gazette/demo/demo_content.hpp"

namespace gazette::app {

struct InitOptions {
  std::filesystem::path dir;
  std::string name = "Gazette";
  std::string tagline;
  std::string base_url = "http://127.0.0.1:8080";
  std::string timezone = "UTC";
};

/// Creates dir if needed, writes dir/gazette.toml and a migrated dir/gazette.db.
/// kConflict when dir already holds a site (gazette.toml or gazette.db present); kInvalid for a bad
/// option (unknown time zone, base URL not http(s)); kUnavailable when the directory cannot be written.
Status InitSite(const InitOptions& options);

/// InitSite, then demo content. On failure the half-made site files are removed.
Status CreateDemoSite(const InitOptions& options, const demo::DemoOptions& demo_options);

}  // namespace gazette::app
