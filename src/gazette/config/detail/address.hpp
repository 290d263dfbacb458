#pragma once
/// Strict parsing of the network addresses a config names: DNS names and CIDR ranges. IP literals are
/// parsed by gazette/base/ip_address.hpp, shared with the HTTP layer that matches trusted proxies.

#include <string>
#include <string_view>

#include "gazette/base/ip_address.hpp"
#include "gazette/base/result.hpp"

namespace gazette::config::detail {

/// A DNS host name (RFC 1123): dot-separated labels of letters, digits and inner hyphens, 1..63 each,
/// 253 in all. An all-numeric name is refused, since it can only be a mistyped IPv4 address.
bool IsDnsName(std::string_view text);

/// Checks a CIDR range ("10.0.0.0/8", "2001:db8::/32") with gazette::ParseCidr and returns it unchanged; a
/// bare address ("192.0.2.7", "::1") is taken as a single host and returned with /32 or /128 appended.
/// kInvalid, with ParseCidr's message, for anything else, including set host bits ("10.0.0.1/8").
Result<std::string> NormalizeCidr(std::string_view text);

}  // namespace gazette::config::detail
