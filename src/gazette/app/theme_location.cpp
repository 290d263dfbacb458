#include "gazette/app/theme_location.hpp"

#include <unistd.h>

#include <array>
#include <system_error>
#include <vector>

namespace gazette::app {
namespace {

std::filesystem::path ExecutableDir() {
  std::array<char, 4096> buffer{};
  const auto length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (length <= 0) return {};
  return std::filesystem::path(std::string(buffer.data(), static_cast<std::size_t>(length))).parent_path();
}

bool IsTheme(const std::filesystem::path& dir) {
  std::error_code error;
  return std::filesystem::is_regular_file(dir / "templates" / "layouts" / "default.mustache", error);
}

}  // namespace

Result<std::filesystem::path> FindDefaultTheme(const config::Environment& env) {
  std::vector<std::filesystem::path> candidates;
  if (auto it = env.find("GAZETTE_THEME_DIR"); it != env.end() && !it->second.empty()) {
    candidates.emplace_back(it->second);
  }
  if (const auto exe_dir = ExecutableDir(); !exe_dir.empty()) {
    candidates.push_back(exe_dir / "../../themes/default");
    candidates.push_back(exe_dir / "../share/gazette/themes/default");
  }
#ifdef GAZETTE_SOURCE_THEME_DIR
  candidates.emplace_back(GAZETTE_SOURCE_THEME_DIR);
#endif
  std::string tried;
  for (const auto& candidate : candidates) {
    if (IsTheme(candidate)) return std::filesystem::weakly_canonical(candidate);
    tried += (tried.empty() ? "" : ", ") + candidate.string();
  }
  return MakeError(ErrorCode::kNotFound,
                   "the default theme was not found (looked in: " + tried +
                       "); set GAZETTE_THEME_DIR to the themes/default directory of Gazette");
}

}  // namespace gazette::app
