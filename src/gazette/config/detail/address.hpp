#pragma once
/// Strict parsing of the network addresses a config names: IP literals, DNS names and CIDR ranges.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::config::detail {

/// Dotted-quad IPv4 ("192.0.2.1"): exactly four decimal parts 0..255, no leading zeros (which some
/// parsers read as octal).
std::optional<std::array<std::uint8_t, 4>> ParseIpv4(std::string_view text);

/// RFC 4291 section 2.2 text form ("2001:db8::1", "::ffff:192.0.2.1"); no zone index, no brackets.
std::optional<std::array<std::uint8_t, 16>> ParseIpv6(std::string_view text);

/// A DNS host name (RFC 1123): dot-separated labels of letters, digits and inner hyphens, 1..63 each,
/// 253 in all. An all-numeric name is refused, since it can only be a mistyped IPv4 address.
bool IsDnsName(std::string_view text);

/// Checks a CIDR range ("10.0.0.0/8", "2001:db8::/32") and returns it unchanged; a bare address
/// ("192.0.2.7", "::1") is taken as a single host and returned with /32 or /128 appended.
/// kInvalid, with a message saying what is wrong, for anything else, including set host bits
/// ("10.0.0.1/8"), which usually means a typo in the prefix.
Result<std::string> NormalizeCidr(std::string_view text);

}  // namespace gazette::config::detail
