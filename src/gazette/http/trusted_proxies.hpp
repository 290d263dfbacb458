#pragma once
/// TrustedProxies: which peers' X-Forwarded-For / Forwarded headers are believed, and the client address
/// that follows: the right-most address that is not itself a trusted proxy (anything further left could
/// have been written by the client).

#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"

namespace gazette::http {

/// Immutable: thread-safe.
class TrustedProxies {
 public:
  TrustedProxies() = default;  ///< trusts nobody
  /// CIDR ranges ("10.0.0.0/8", "::1/128", a bare address meaning one host). kInvalid naming the bad entry.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& cidrs);

  bool Contains(std::string_view ip) const;

  /// The client's address: peer itself unless peer is trusted; then walks X-Forwarded-For (or, when that is
  /// absent, the for= parameters of Forwarded, RFC 7239) from the right, skipping trusted proxies, and
  /// returns the first address that is not one. Malformed entries stop the walk at the last good address.
  std::string ClientAddress(std::string_view peer, std::string_view x_forwarded_for,
                            std::string_view forwarded) const;

 private:
  struct Range {
    bool v6 = false;
    unsigned char bytes[16] = {};
    int prefix = 0;
  };
  std::vector<Range> ranges_;
};

}  // namespace gazette::http
