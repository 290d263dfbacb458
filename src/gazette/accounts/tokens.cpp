#include "gazette/accounts/tokens.hpp"

#include <sodium.h>

#include "gazette/accounts/detail/sodium.hpp"

namespace gazette::accounts {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
static_assert(sizeof(storage::SessionIdHash) == crypto_generichash_BYTES, "BLAKE2b-256");

bool IsBase64UrlCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

std::string NewToken() {
  detail::EnsureSodium();
  TokenBytes bytes;
  randombytes_buf(bytes.data(), bytes.size());
  char text[sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)];
  sodium_bin2base64(text, sizeof(text), bytes.data(), bytes.size(), kVariant);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(text);
}

std::optional<TokenBytes> DecodeToken(std::string_view text) {
  if (text.size() != kTokenChars) return std::nullopt;
  for (const char c : text) {
    if (!IsBase64UrlCharacter(c)) return std::nullopt;
  }
  detail::EnsureSodium();
  TokenBytes bytes;
  std::size_t length = 0;
  const char* end = nullptr;
  // libsodium also refuses a last character whose unused low bits are set: each token has one spelling.
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, &end,
                        kVariant) != 0 ||
      length != kTokenBytes || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return bytes;
}

storage::SessionIdHash SessionIdHashOf(const TokenBytes& token) {
  detail::EnsureSodium();
  storage::SessionIdHash hash;
  crypto_generichash(hash.data(), hash.size(), token.data(), token.size(), nullptr, 0);
  return hash;
}

bool TokensMatch(std::string_view expected, std::string_view given) noexcept {
  if (expected.empty() || expected.size() != given.size()) return false;
  return sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

}  // namespace gazette::accounts
