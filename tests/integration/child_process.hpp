#pragma once
/// The gazette binary run as a child process, as an operator runs it: arguments in, exit code, output and
/// signals; and loopback port helpers for servers started that way.

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gazette::testing {

// A run of the binary that has not ended by then has hung: it is killed and the test fails.
inline constexpr auto kRunDeadline = std::chrono::seconds(120);

std::string ReadFile(const std::filesystem::path& path);

/// A running `gazette` (GAZETTE_BINARY) with stdout and stderr in files under output_dir. Its environment
/// is ours without config overrides, plus extra_env. Its standard input is `input` (written to a file
/// under output_dir), or empty (/dev/null) without it. Killed at destruction if still running.
class Process {
 public:
  Process(const std::vector<std::string>& args, const std::filesystem::path& output_dir,
          const std::map<std::string, std::string>& extra_env = {},
          const std::optional<std::string>& input = std::nullopt);
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  void Signal(int signal) const;
  /// The exit code (128 + signal when killed by one), or nullopt when it had to be killed at the deadline.
  std::optional<int> Wait();
  std::string out() const;
  std::string err() const;

 private:
  std::filesystem::path out_path_;
  std::filesystem::path err_path_;
  pid_t pid_ = 0;
  std::optional<int> exit_code_;
};

/// A port that was free a moment ago; the server binds it right after, so a clash is unlikely.
std::uint16_t FreePort();
/// True when something accepts connections on the loopback port.
bool Accepts(std::uint16_t port);
/// Waits (bounded by kRunDeadline) until the port accepts connections.
bool WaitUntilAccepting(std::uint16_t port);

}  // namespace gazette::testing
