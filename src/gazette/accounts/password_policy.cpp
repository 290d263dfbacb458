#include "gazette/accounts/password_policy.hpp"

#include <fmt/format.h>

#include "gazette/base/utf8.hpp"

namespace gazette::accounts {

Status CheckNewPassword(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("The password is too long: use at most {} bytes.", kMaxPasswordBytes));
  }
  if (!IsValidUtf8(password)) {
    return MakeError(ErrorCode::kInvalid,
                     "The password is not valid UTF-8 text: type it again, or set your terminal to UTF-8.");
  }
  if (CodePointCount(password) < kMinPasswordChars) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("The password is too short: use at least {} characters (a few unrelated "
                                 "words make a good one).",
                                 kMinPasswordChars));
  }
  return OkStatus();
}

}  // namespace gazette::accounts
