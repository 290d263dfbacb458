#pragma once
/// TempDir: a fresh directory under /tmp for one test, removed with everything in it at destruction.

#include <filesystem>

namespace gazette::testing {

class TempDir {
 public:
  /// Creates /tmp/gazette-test-XXXXXX; throws std::runtime_error when it cannot (a test set-up failure).
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// path() / name.
  std::filesystem::path operator/(const std::filesystem::path& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace gazette::testing
