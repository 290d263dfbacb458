#pragma once
/// Checks and normal forms of what people type about a user: the e-mail address (the login name) and
/// the display name. Messages say what to change.

#include <cstddef>
#include <string>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::accounts {

/// A display name, not an essay: fits menus and the audit log.
inline constexpr std::size_t kMaxUserNameChars = 200;

/// The stored form of an e-mail address: without surrounding spaces, ASCII letters lower-cased (so that
/// "Ada@Example.org" and "ada@example.org" are one account; non-ASCII letters are left alone, as the
/// database compares them byte for byte). kInvalid unless it is valid UTF-8 of at most 254 bytes, with
/// one '@' between a local part of at most 64 bytes and a domain of dot-separated labels, and no spaces,
/// controls or characters that only quoted addresses may hold.
Result<std::string> NormaliseEmail(std::string_view email);

/// A display name without surrounding spaces. kInvalid unless 1 to kMaxUserNameChars characters of valid
/// UTF-8 without control characters.
Result<std::string> NormaliseUserName(std::string_view name);

}  // namespace gazette::accounts
