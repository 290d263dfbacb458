#include "gazette/base/ip_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstring>

namespace gazette {
namespace {

// The longest text inet_pton can accept for each family (INET_ADDRSTRLEN / INET6_ADDRSTRLEN less the NUL).
constexpr std::size_t kMaxIpv4Chars = 15;
constexpr std::size_t kMaxIpv6Chars = 45;

// The first 12 bytes of every IPv4-mapped IPv6 address (RFC 4291 section 2.5.5.2).
constexpr std::array<std::uint8_t, 12> kMappedPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
constexpr int kMappedPrefixBits = 96;

// inet_pton wants a C string; a stack copy keeps parsing free of allocation (it runs per request).
template <std::size_t kSize>
bool Pton(int family, std::string_view text, std::size_t max_chars, std::array<std::uint8_t, kSize>& out) {
  if (text.empty() || text.size() > max_chars) return false;
  if (text.find('\0') != std::string_view::npos) return false;  // would end the C string early
  char copy[kMaxIpv6Chars + 1];
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return inet_pton(family, copy, out.data()) == 1;
}

// Decimal digits only, no sign, no leading zero: the strict form of a prefix length.
std::optional<int> ParsePrefixLength(std::string_view text) {
  if (text.empty() || text.size() > 3) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  if (text.size() > 1 && text.front() == '0') return std::nullopt;
  int value = 0;
  for (const char c : text) value = value * 10 + (c - '0');
  return value;
}

// address with every bit after the first prefix bits cleared: the network address of the range.
IpAddress NetworkOf(IpAddress address, int prefix) {
  for (std::size_t i = 0; i < address.bytes.size(); ++i) {
    const int network_bits = std::clamp(prefix - static_cast<int>(i) * 8, 0, 8);
    address.bytes[i] &= static_cast<std::uint8_t>(0xFFu << (8 - network_bits));
  }
  return address;
}

bool IsMapped(const IpAddress& address) {
  return address.v6 && std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), address.bytes.begin());
}

// The first prefix bits of a and b are equal.
bool SamePrefix(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, int prefix) {
  const int whole_bytes = prefix / 8;
  if (std::memcmp(a.data(), b.data(), static_cast<std::size_t>(whole_bytes)) != 0) return false;
  const int rest = prefix % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xFFu << (8 - rest));
  return (a[whole_bytes] & mask) == (b[whole_bytes] & mask);
}

}  // namespace

IpAddress IpAddress::Unmapped() const {
  if (!IsMapped(*this)) return *this;
  IpAddress v4;
  std::copy_n(bytes.begin() + kMappedPrefix.size(), 4, v4.bytes.begin());
  return v4;
}

std::string IpAddress::ToString() const {
  if (!v6) {  // every page view names its reader's address: four numbers, without inet_ntop's sprintf
    std::string text;
    text.reserve(15);
    for (std::size_t i = 0; i < 4; ++i) {
      if (i > 0) text.push_back('.');
      char digits[3];
      const auto end = std::to_chars(digits, digits + sizeof digits, bytes[i]).ptr;
      text.append(digits, end);
    }
    return text;
  }
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), text, sizeof(text));
  return text;
}

std::optional<std::array<std::uint8_t, 4>> ParseIpv4(std::string_view text) {
  // glibc's inet_pton accepts exactly four decimal parts and refuses leading zeros.
  std::array<std::uint8_t, 4> bytes{};
  if (!Pton(AF_INET, text, kMaxIpv4Chars, bytes)) return std::nullopt;
  return bytes;
}

std::optional<std::array<std::uint8_t, 16>> ParseIpv6(std::string_view text) {
  std::array<std::uint8_t, 16> bytes{};
  if (!Pton(AF_INET6, text, kMaxIpv6Chars, bytes)) return std::nullopt;
  return bytes;
}

std::optional<IpAddress> ParseIpAddress(std::string_view text) {
  IpAddress address;
  if (const auto v4 = ParseIpv4(text)) {
    std::copy(v4->begin(), v4->end(), address.bytes.begin());
    return address;
  }
  if (const auto v6 = ParseIpv6(text)) {
    address.v6 = true;
    address.bytes = *v6;
    return address;
  }
  return std::nullopt;
}

bool CidrRange::Contains(const IpAddress& address) const {
  // Both sides in the IPv4 family when they are IPv4 or IPv4-mapped; otherwise compared as IPv6.
  IpAddress range_network = network;
  int range_prefix = prefix;
  if (IsMapped(network) && prefix >= kMappedPrefixBits) {
    range_network = network.Unmapped();
    range_prefix = prefix - kMappedPrefixBits;
  }
  const IpAddress candidate = address.Unmapped();
  if (candidate.v6 != range_network.v6) return false;
  return SamePrefix(candidate.bytes, range_network.bytes, range_prefix);
}

std::string CidrRange::ToString() const {
  return network.ToString() + "/" + std::to_string(prefix);
}

Result<CidrRange> ParseCidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  const std::string_view address_text = text.substr(0, slash);
  const auto address = ParseIpAddress(address_text);
  if (!address) {
    return MakeError(ErrorCode::kInvalid,
                     "\"" + std::string(address_text) + "\" is not an IPv4 or IPv6 address");
  }
  const int max_prefix = address->v6 ? 128 : 32;
  if (slash == std::string_view::npos) return CidrRange{*address, max_prefix};

  const auto prefix = ParsePrefixLength(text.substr(slash + 1));
  if (!prefix || *prefix > max_prefix) {
    return MakeError(ErrorCode::kInvalid, "\"" + std::string(text) + "\" needs a prefix length 0.." +
                                              std::to_string(max_prefix) + " after the slash");
  }
  const CidrRange range{NetworkOf(*address, *prefix), *prefix};
  if (range.network != *address) {
    // A set host bit is usually a typo: suggest the network address rather than silently widening.
    return MakeError(ErrorCode::kInvalid, "\"" + std::string(text) +
                                              "\" has bits set after the prefix; did you mean " +
                                              range.ToString() + "?");
  }
  return range;
}

}  // namespace gazette
