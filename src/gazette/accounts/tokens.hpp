#pragma once
/// Session cookie values and CSRF tokens: 256 random bits each, written as base64url without padding
/// (43 characters, safe in cookies, headers and form fields). Only a hash of a cookie value is stored.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/storage/account_store.hpp"

namespace gazette::accounts {

inline constexpr std::size_t kTokenBytes = 32;
/// ceil(32 * 8 / 6): the length of every token this module makes.
inline constexpr std::size_t kTokenChars = 43;

using TokenBytes = std::array<std::uint8_t, kTokenBytes>;

/// A fresh token from libsodium's CSPRNG. Thread-safe.
std::string NewToken();

/// The bytes of a token, or nullopt unless text is exactly kTokenChars characters of the base64url
/// alphabet in canonical form. Checked before anything is looked up, so junk never reaches the database.
std::optional<TokenBytes> DecodeToken(std::string_view text);

/// The stored identity of a session: BLAKE2b-256 of its token's bytes. The token has 256 random bits, so
/// an unkeyed hash is enough: nobody can find a token from its hash.
storage::SessionIdHash SessionIdHashOf(const TokenBytes& token);

/// Compares a CSRF token sent with a form to the session's, in time independent of where they differ
/// (sodium_memcmp). False when either is empty or their lengths differ (lengths are not secret).
bool TokensMatch(std::string_view expected, std::string_view given) noexcept;

}  // namespace gazette::accounts
