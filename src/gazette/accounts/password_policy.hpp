#pragma once
/// The rules a new password must meet. Length is what makes a password hard to guess, so the rule is a
/// minimum length and nothing else (no required digits or symbols, which lead to "Password1!").

#include <cstddef>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::accounts {

/// Counted in characters (code points), not bytes: "zażółć gęślą" is 12 characters.
inline constexpr std::size_t kMinPasswordChars = 12;
/// Far beyond any password a person types; bounds the work and memory an attacker can make us spend.
inline constexpr std::size_t kMaxPasswordBytes = 1024;

/// OkStatus when password may be set; kInvalid with a message that says what to do otherwise
/// (valid UTF-8, kMinPasswordChars characters or more, kMaxPasswordBytes bytes or fewer).
/// The message never quotes the password.
Status CheckNewPassword(std::string_view password);

}  // namespace gazette::accounts
