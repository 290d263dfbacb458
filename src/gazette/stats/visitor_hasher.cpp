#include "gazette/stats/visitor_hasher.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace gazette::stats {
namespace {

static_assert(std::tuple_size_v<storage::VisitorSalt> == crypto_shorthash_KEYBYTES,
              "the day's salt is the SipHash key");
static_assert(crypto_shorthash_BYTES == sizeof(std::uint64_t), "an identity is SipHash's 8-byte output");

// Most requests' encoded (ip, user agent) fit here, so hashing needs no allocation.
constexpr std::size_t kStackBytes = 512;
constexpr std::size_t kLengthBytes = 8;

// libsodium must be initialised once before use; a function-local static makes that thread-safe.
void EnsureSodium() {
  static const bool initialised = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    return true;
  }();
  (void)initialised;
}

// (ip, user agent) as ip's length (8 bytes, little-endian), ip, user agent: no two pairs encode alike.
void Encode(std::string_view client_ip, std::string_view user_agent, unsigned char* out) {
  const std::uint64_t length = client_ip.size();
  for (std::size_t i = 0; i < kLengthBytes; ++i) out[i] = static_cast<unsigned char>(length >> (8 * i));
  if (!client_ip.empty()) std::memcpy(out + kLengthBytes, client_ip.data(), client_ip.size());
  if (!user_agent.empty())
    std::memcpy(out + kLengthBytes + client_ip.size(), user_agent.data(), user_agent.size());
}

}  // namespace

storage::VisitorSalt VisitorHasher::NewSalt() {
  EnsureSodium();
  storage::VisitorSalt salt{};
  randombytes_buf(salt.data(), salt.size());
  return salt;
}

std::uint64_t VisitorHasher::Identity(std::string_view client_ip, std::string_view user_agent) const {
  EnsureSodium();
  const std::size_t size = kLengthBytes + client_ip.size() + user_agent.size();
  unsigned char stack[kStackBytes];
  std::basic_string<unsigned char> heap;
  unsigned char* input = stack;
  if (size > sizeof(stack)) {
    heap.resize(size);
    input = heap.data();
  }
  Encode(client_ip, user_agent, input);
  unsigned char hash[crypto_shorthash_BYTES];
  crypto_shorthash(hash, input, size, salt_.data());
  std::uint64_t identity = 0;
  for (std::size_t i = 0; i < sizeof(hash); ++i) identity |= std::uint64_t{hash[i]} << (8 * i);
  return identity;
}

}  // namespace gazette::stats
