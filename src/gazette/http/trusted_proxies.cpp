#include "gazette/http/trusted_proxies.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>

namespace gazette::http {
namespace {

// Real chains are a few proxies long; the bound keeps a hostile header of many trusted-looking
// addresses from costing more than a few microseconds.
constexpr std::size_t kMaxHops = 32;
// RFC 7239 leaves obfuscated ports ("_abc") unbounded; this is plenty for real ones, and longer is garbage.
constexpr std::size_t kMaxPortChars = 16;

bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsAlnum(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 7239 section 6: node-port = port / obfport, port = 1*5DIGIT, obfport = "_" 1*(ALPHA / DIGIT / "." /
// "_" / "-").
bool IsPort(std::string_view text) {
  if (text.empty() || text.size() > kMaxPortChars) return false;
  if (text.front() == '_') {
    return text.size() > 1 && std::all_of(text.begin() + 1, text.end(), [](char c) {
             return IsAlnum(c) || c == '.' || c == '_' || c == '-';
           });
  }
  if (text.size() > 5 || !std::all_of(text.begin(), text.end(), IsDigit)) return false;
  int port = 0;
  for (const char c : text) port = port * 10 + (c - '0');
  return port <= 65535;
}

// One hop as proxies write it: "192.0.2.1", "192.0.2.1:8080", "2001:db8::1", "[2001:db8::1]",
// "[2001:db8::1]:443". Anything else (including RFC 7239's "unknown" and "_hidden") is not an address.
std::optional<IpAddress> ParseNode(std::string_view node) {
  if (!node.empty() && node.front() == '[') {
    const std::size_t close = node.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view after = node.substr(close + 1);
    if (!after.empty() && (after.front() != ':' || !IsPort(after.substr(1)))) return std::nullopt;
    const auto v6 = ParseIpv6(node.substr(1, close - 1));
    if (!v6) return std::nullopt;
    return IpAddress{true, *v6};
  }
  if (auto address = ParseIpAddress(node)) return address;
  // A port after IPv4 needs no brackets; after bare IPv6 it would be ambiguous, so it is not looked for.
  const std::size_t colon = node.find(':');
  if (colon == std::string_view::npos || node.find(':', colon + 1) != std::string_view::npos)
    return std::nullopt;
  if (!IsPort(node.substr(colon + 1))) return std::nullopt;
  const auto v4 = ParseIpv4(node.substr(0, colon));
  if (!v4) return std::nullopt;
  IpAddress address;
  std::copy(v4->begin(), v4->end(), address.bytes.begin());
  return address;
}

// "a, b , c" read from the right: "c", "b", "a". X-Forwarded-For is "client, proxy1, proxy2", each proxy
// appending the address it received from, and the walk starts at the nearest proxy. No vector: this runs
// for every counted page view behind a proxy.
class NodesFromTheRight {
 public:
  explicit NodesFromTheRight(std::string_view header) : rest_(header) {}

  /// The next node to the left, or nothing when the header is used up.
  std::optional<std::string_view> Next() {
    if (done_) return std::nullopt;
    const std::size_t comma = rest_.rfind(',');
    if (comma == std::string_view::npos) {
      done_ = true;
      return Trim(rest_);
    }
    const std::string_view node = Trim(rest_.substr(comma + 1));
    rest_ = rest_.substr(0, comma);
    return node;
  }

 private:
  std::string_view rest_;
  bool done_ = false;
};

bool IsTokenChar(char c) {
  // RFC 9110 section 5.6.2 tchar.
  static constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  return IsAlnum(c) || kSymbols.find(c) != std::string_view::npos;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return (x | 0x20) == (y | 0x20); });
}

// The for= value of one Forwarded element ("for=192.0.2.60;proto=http;by=203.0.113.43"), or an empty view
// when it has none, has it twice (section 4 forbids that) or is malformed.
std::string_view ForwardedFor(std::string_view element) {
  std::optional<std::string_view> node;
  std::size_t start = 0;
  while (start <= element.size()) {
    std::size_t semicolon = element.find(';', start);
    if (semicolon == std::string_view::npos) semicolon = element.size();
    const std::string_view pair = Trim(element.substr(start, semicolon - start));
    start = semicolon + 1;
    if (pair.empty()) continue;  // the grammar allows empty pairs
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) return {};
    const std::string_view name = pair.substr(0, equals);
    std::string_view value = pair.substr(equals + 1);
    if (name.empty() || !std::all_of(name.begin(), name.end(), IsTokenChar)) return {};
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
      // A quoted-pair (backslash) never belongs in an address; a bare quote means a broken string.
      if (value.find_first_of("\\\"") != std::string_view::npos) return {};
    } else if (value.empty() || !std::all_of(value.begin(), value.end(), IsTokenChar)) {
      return {};
    }
    if (EqualsIgnoringCase(name, "for")) {
      if (node) return {};
      node = value;
    }
  }
  return node.value_or(std::string_view());
}

}  // namespace

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& cidrs) {
  TrustedProxies proxies;
  for (const auto& text : cidrs) {
    auto range = ParseCidr(text);
    if (!range) return MakeError(ErrorCode::kInvalid, "trusted proxy range: " + range.error().message);
    proxies.ranges_.push_back(*range);
  }
  return proxies;
}

bool TrustedProxies::Contains(const IpAddress& address) const {
  return std::any_of(ranges_.begin(), ranges_.end(),
                     [&](const CidrRange& range) { return range.Contains(address); });
}

bool TrustedProxies::Contains(std::string_view ip) const {
  const auto address = ParseIpAddress(ip);
  return address && Contains(*address);
}

std::string TrustedProxies::ClientAddress(std::string_view peer, std::string_view x_forwarded_for,
                                          std::string_view forwarded) const {
  const auto peer_address = ParseIpAddress(peer);
  if (!peer_address) return std::string(peer);
  IpAddress client = peer_address->Unmapped();
  // Headers from anyone but a trusted proxy are the client's own words: ignored entirely.
  if (!Contains(client)) return client.ToString();

  x_forwarded_for = Trim(x_forwarded_for);
  forwarded = Trim(forwarded);
  // Forwarded (RFC 7239 section 4) counts only when X-Forwarded-For is absent; its nodes are the for=
  // values of its elements. Elements are split at every comma: no value a proxy writes (addresses, ports,
  // protocols, host names) contains one, and a client's garbage on the left then spoils only its own
  // element, not the proxies' on its right.
  const bool from_forwarded = x_forwarded_for.empty();
  NodesFromTheRight nodes(from_forwarded ? forwarded : x_forwarded_for);
  for (std::size_t hops = 0; hops < kMaxHops; ++hops) {
    const auto node = nodes.Next();
    if (!node) break;
    const auto address = ParseNode(from_forwarded ? ForwardedFor(*node) : *node);
    if (!address) break;
    client = address->Unmapped();
    if (!Contains(client)) break;
  }
  // Every hop trusted (or the walk stopped): the left-most good address is the best knowledge there is.
  return client.ToString();
}

}  // namespace gazette::http
