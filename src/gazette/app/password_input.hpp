#pragma once
/// Reading a new password for a command (`gazette user add`, `user passwd`, `init --admin-email`): from a
/// terminal it is asked for twice without echo; otherwise it is the first line of standard input, so that
/// scripts can pipe it in. Never from the command line, where other users could read it in `ps`.

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::app {

/// Supplies the password when a command is ready for it (after its other input was checked).
using PasswordSource = std::function<Result<std::string>()>;

/// The first line of in, without its line ending ("\n" or "\r\n"). kInvalid when in is empty, or when the
/// line is longer than accounts::kMaxPasswordBytes (nothing more is read then).
Result<std::string> ReadPasswordLine(std::istream& in);

/// A PasswordSource over the process's standard input: when it is a terminal, prompts (on stderr) for the
/// password of `whom` and for it again, with echo off, and fails with kInvalid when the two differ;
/// otherwise ReadPasswordLine(std::cin).
PasswordSource StandardInputPassword(std::string whom);

}  // namespace gazette::app
