#pragma once
/// TrustedProxies: which peers' X-Forwarded-For / Forwarded headers are believed, and the client address
/// that follows: the right-most address that is not itself a trusted proxy (anything further left could
/// have been written by the client).

#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/ip_address.hpp"
#include "gazette/base/result.hpp"

namespace gazette::http {

/// Immutable: thread-safe.
class TrustedProxies {
 public:
  TrustedProxies() = default;  ///< trusts nobody
  /// CIDR ranges ("10.0.0.0/8", "::1/128", a bare address meaning one host). kInvalid naming the bad entry.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& cidrs);

  /// False for text that is not an IP address. An IPv4-mapped IPv6 address matches IPv4 ranges.
  bool Contains(std::string_view ip) const;

  /// The client's address: peer itself unless peer is trusted; then walks X-Forwarded-For (or, when that is
  /// absent, the for= parameters of Forwarded, RFC 7239) from the right, skipping trusted proxies, and
  /// returns the first address that is not one. Malformed entries stop the walk at the last good address.
  /// Addresses come back in canonical form, IPv4-mapped ones as IPv4 ("::ffff:10.0.0.1" -> "10.0.0.1"), so
  /// that one client has one text; a peer that is not an IP address at all comes back unchanged. Several
  /// header fields of the same name are the caller's to join with ", " (RFC 9110 section 5.3).
  std::string ClientAddress(std::string_view peer, std::string_view x_forwarded_for,
                            std::string_view forwarded) const;

 private:
  bool Contains(const IpAddress& address) const;

  std::vector<CidrRange> ranges_;
};

}  // namespace gazette::http
