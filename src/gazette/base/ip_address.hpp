#pragma once
/// IP addresses and CIDR ranges: the one strict parser that config (trusted_proxies, listen) and http
/// (client address behind proxies) share, so that a range accepted in gazette.toml matches at run time.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette {

/// An IPv4 (bytes[0..3]) or IPv6 address in network byte order.
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};

  /// The IPv4 address an IPv4-mapped IPv6 address ("::ffff:192.0.2.1") carries, as dual-stack sockets
  /// report IPv4 peers that way; any other address unchanged.
  IpAddress Unmapped() const;
  /// Canonical text form (RFC 5952 for IPv6): "192.0.2.1", "2001:db8::1".
  std::string ToString() const;

  friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

/// Dotted-quad IPv4 ("192.0.2.1"): exactly four decimal parts 0..255, no leading zeros (which some
/// parsers read as octal). Thread-safe, no allocation.
std::optional<std::array<std::uint8_t, 4>> ParseIpv4(std::string_view text);

/// RFC 4291 section 2.2 text form ("2001:db8::1", "::ffff:192.0.2.1"); no zone index, no brackets.
std::optional<std::array<std::uint8_t, 16>> ParseIpv6(std::string_view text);

/// Either form above; nothing around it (no brackets, no port, no spaces).
std::optional<IpAddress> ParseIpAddress(std::string_view text);

/// A network: the addresses whose first prefix bits equal network's.
struct CidrRange {
  IpAddress network;  ///< host bits are zero (ParseCidr refuses anything else)
  int prefix = 0;     ///< 0..32 for IPv4, 0..128 for IPv6

  /// IPv4 and IPv6 are separate families, except that IPv4-mapped IPv6 addresses count as the IPv4
  /// address they carry on either side: 10.0.0.0/8 contains "::ffff:10.1.2.3", and "::ffff:10.0.0.0/104"
  /// contains "10.1.2.3". So "::/0" does not contain IPv4 peers.
  bool Contains(const IpAddress& address) const;
  /// "10.0.0.0/8", "2001:db8::/32".
  std::string ToString() const;
};

/// A CIDR range ("10.0.0.0/8", "2001:db8::/32"); a bare address ("192.0.2.7", "::1") is one host (/32,
/// /128). kInvalid, with a message saying what is wrong, for anything else, including set host bits
/// ("10.0.0.1/8", which usually means a typo in the prefix: the message suggests the network address).
Result<CidrRange> ParseCidr(std::string_view text);

}  // namespace gazette
