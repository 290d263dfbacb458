#pragma once
/// GAZETTE_<SECTION>_<KEY> environment variables applied over the values read from gazette.toml.

#include "gazette/base/result.hpp"
#include "gazette/config/config.hpp"

namespace gazette::config::detail {

/// Applies every variable named GAZETTE_<SECTION>_<KEY> (upper case) for a known section. A variable
/// with a known section prefix but no such key (GAZETTE_SITE_NMAE) is an error, to catch typos; other
/// GAZETTE_* variables (GAZETTE_SOURCE_DIR) are not config and are ignored. Errors name the variable.
Status ApplyEnvironment(Config& config, const Environment& env);

}  // namespace gazette::config::detail
