#include "gazette/http/content_hash.hpp"

#include <bit>
#include <cstring>

namespace gazette::http {
namespace {

// Odd 64-bit constants with well-spread bits; multiplication by them mixes low bits upwards.
constexpr std::uint64_t kMul1 = 0x9e3779b185ebca87ULL;
constexpr std::uint64_t kMul2 = 0xc2b2ae3d27d4eb4fULL;
constexpr std::uint64_t kMul3 = 0x165667b19e3779f9ULL;

std::uint64_t Load64(const char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

std::uint64_t Lane(std::uint64_t acc, std::uint64_t word) noexcept {
  return std::rotl(acc + word * kMul2, 31) * kMul1;
}

/// Final avalanche so that every input bit affects every output bit.
std::uint64_t Finish(std::uint64_t h) noexcept {
  h ^= h >> 33;
  h *= kMul2;
  h ^= h >> 29;
  h *= kMul3;
  h ^= h >> 32;
  return h;
}

}  // namespace

std::uint64_t ContentHash(std::string_view bytes) noexcept {
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  std::uint64_t h = kMul3 + n;
  if (n >= 32) {
    std::uint64_t a = kMul1 + kMul2, b = kMul2, c = 0, d = 0 - kMul1;
    while (n >= 32) {
      a = Lane(a, Load64(p));
      b = Lane(b, Load64(p + 8));
      c = Lane(c, Load64(p + 16));
      d = Lane(d, Load64(p + 24));
      p += 32;
      n -= 32;
    }
    h += std::rotl(a, 1) + std::rotl(b, 7) + std::rotl(c, 12) + std::rotl(d, 18);
    for (const std::uint64_t lane : {a, b, c, d}) h = (h ^ Lane(0, lane)) * kMul1 + kMul3;
  }
  while (n >= 8) {
    h = std::rotl(h ^ Lane(0, Load64(p)), 27) * kMul1 + kMul3;
    p += 8;
    n -= 8;
  }
  while (n > 0) {
    h = std::rotl(h ^ (static_cast<unsigned char>(*p) * kMul3), 11) * kMul1;
    ++p;
    --n;
  }
  return Finish(h);
}

std::string HashHex(std::uint64_t hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i) {
    hex[static_cast<std::size_t>(i)] = kDigits[hash & 0xf];
    hash >>= 4;
  }
  return hex;
}

EtagChars StrongEtagChars(std::string_view body) noexcept {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::uint64_t hash = ContentHash(body);
  EtagChars etag;
  etag.front() = '"';
  etag.back() = '"';
  for (std::size_t i = 16; i >= 1; --i) {
    etag[i] = kDigits[hash & 0xf];
    hash >>= 4;
  }
  return etag;
}

std::string StrongEtag(std::string_view body) {
  const EtagChars etag = StrongEtagChars(body);
  return std::string(etag.data(), etag.size());
}

}  // namespace gazette::http
