#include "gazette/media/content_hash.hpp"

#include <sodium.h>

#include <array>

namespace gazette::media {

std::string Sha256Hex(std::string_view bytes) {
  // sodium_init is thread-safe and cheap after the first call; it picks the fastest implementation.
  [[maybe_unused]] static const int initialised = sodium_init();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string hex(digest.size() * 2 + 1, '\0');  // sodium_bin2hex writes a terminating NUL
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

}  // namespace gazette::media
