#pragma once
/// Reading a theme's template files: every templates/{layouts,pages,partials}/**/*.mustache under each
/// theme root, named by their path under templates/ without the extension ("partials/teaser").

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "gazette/base/result.hpp"

namespace gazette::render::detail {

/// A template file is written by hand; 1 MiB is far beyond any real one and bounds memory at start.
inline constexpr std::size_t kMaxTemplateBytes = 1024 * 1024;

struct TemplateFile {
  std::filesystem::path path;  ///< where it was read from, for messages
  std::string source;
};

/// By name; std::less<> so that a std::string_view finds a name without a copy.
using TemplateFiles = std::map<std::string, TemplateFile, std::less<>>;

/// Reads the templates of every root in order; a later root's file replaces an earlier root's file of the
/// same name. A root without templates/ is skipped (a site need not override anything). kInvalid naming
/// the file when one is too big or unreadable. Not for the request path: it does file IO.
Result<TemplateFiles> ReadThemeTemplates(const std::vector<std::filesystem::path>& theme_roots);

}  // namespace gazette::render::detail
