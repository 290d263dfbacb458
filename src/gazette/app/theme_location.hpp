#pragma once
/// Where the default theme is: GAZETTE_THEME_DIR, else next to the binary in a source build
/// (build/<preset>/gazette -> themes/default), else an installed share/gazette/themes/default.

#include <filesystem>

#include "gazette/base/result.hpp"
#include "gazette/config/config.hpp"

namespace gazette::app {

/// kNotFound with a message listing the places looked at when there is no default theme.
Result<std::filesystem::path> FindDefaultTheme(const config::Environment& env);

}  // namespace gazette::app
