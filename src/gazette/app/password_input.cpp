#include "gazette/app/password_input.hpp"

#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "gazette/accounts/password_policy.hpp"

namespace gazette::app {
namespace {

/// Turns the terminal's echo off for its lifetime, and back on however the scope is left.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

Result<std::string> Prompt(std::string_view prompt) {
  std::cerr << prompt << std::flush;
  Result<std::string> password = [] {
    EchoOff quiet;
    return ReadPasswordLine(std::cin);
  }();
  std::cerr << "\n";  // the Enter key's newline was not echoed either
  return password;
}

}  // namespace

Result<std::string> ReadPasswordLine(std::istream& in) {
  std::string line;
  char c = 0;
  bool ended = false;
  while (in.get(c)) {
    if (c == '\n') {
      ended = true;
      break;
    }
    // One byte over the limit is enough to know it is too long; the rest is not read.
    if (line.size() > accounts::kMaxPasswordBytes) break;
    line.push_back(c);
  }
  if (!ended && line.empty()) {
    return MakeError(ErrorCode::kInvalid,
                     "no password on standard input: type it when asked, or pipe it in as one line");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() > accounts::kMaxPasswordBytes) {
    return MakeError(ErrorCode::kInvalid, fmt::format("The password is too long: use at most {} bytes.",
                                                      accounts::kMaxPasswordBytes));
  }
  return line;
}

PasswordSource StandardInputPassword(std::string whom) {
  return [whom = std::move(whom)]() -> Result<std::string> {
    if (isatty(STDIN_FILENO) == 0) return ReadPasswordLine(std::cin);
    Result<std::string> first = Prompt(fmt::format("New password for {}: ", whom));
    if (!first.ok()) return first;
    Result<std::string> second = Prompt("The same password again: ");
    if (!second.ok()) return second;
    if (*first != *second) {
      return MakeError(ErrorCode::kInvalid, "the two passwords differ; run the command again");
    }
    return first;
  };
}

}  // namespace gazette::app
