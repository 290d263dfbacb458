#include "gazette/config/detail/address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstddef>

namespace gazette::config::detail {
namespace {

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

// bytes with every bit after the first prefix bits cleared: the network address of the range.
template <std::size_t kSize>
std::array<std::uint8_t, kSize> NetworkOf(std::array<std::uint8_t, kSize> bytes, int prefix) {
  for (std::size_t i = 0; i < kSize; ++i) {
    const int network_bits = std::clamp(prefix - static_cast<int>(i) * 8, 0, 8);
    bytes[i] &= static_cast<std::uint8_t>(0xFFu << (8 - network_bits));
  }
  return bytes;
}

// "10.0.0.1/8" is refused with its network address as a hint, since a set host bit is usually a typo.
template <std::size_t kSize>
Status CheckNetworkAddress(const std::array<std::uint8_t, kSize>& bytes, int prefix, std::string_view text) {
  const auto network = NetworkOf(bytes, prefix);
  if (network == bytes) return OkStatus();
  char written[INET6_ADDRSTRLEN] = {};
  inet_ntop(kSize == 4 ? AF_INET : AF_INET6, network.data(), written, sizeof(written));
  return MakeError(ErrorCode::kInvalid, "\"" + std::string(text) +
                                            "\" has bits set after the prefix; did you mean " + written +
                                            "/" + std::to_string(prefix) + "?");
}

}  // namespace

std::optional<std::array<std::uint8_t, 4>> ParseIpv4(std::string_view text) {
  // glibc's inet_pton accepts exactly four decimal parts and refuses leading zeros; it needs a C string.
  if (text.empty() || text.size() > 15) return std::nullopt;
  const std::string copy(text);
  std::array<std::uint8_t, 4> bytes{};
  if (inet_pton(AF_INET, copy.c_str(), bytes.data()) != 1) return std::nullopt;
  return bytes;
}

std::optional<std::array<std::uint8_t, 16>> ParseIpv6(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;  // INET6_ADDRSTRLEN - 1
  const std::string copy(text);
  std::array<std::uint8_t, 16> bytes{};
  if (inet_pton(AF_INET6, copy.c_str(), bytes.data()) != 1) return std::nullopt;
  return bytes;
}

bool IsDnsName(std::string_view text) {
  if (text.empty() || text.size() > 253) return false;
  if (text.back() == '.') text.remove_suffix(1);  // a fully qualified name may end in a dot
  bool all_numeric = true;
  std::size_t label_start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '.') {
      const std::string_view label = text.substr(label_start, i - label_start);
      if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
      label_start = i + 1;
      continue;
    }
    const char c = text[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !digit && c != '-') return false;
    if (!digit) all_numeric = false;
  }
  return !all_numeric;
}

Result<std::string> NormalizeCidr(std::string_view text) {
  const std::size_t slash = text.find('/');
  const std::string_view address = text.substr(0, slash);
  const auto ipv4 = ParseIpv4(address);
  const auto ipv6 = ipv4 ? std::nullopt : ParseIpv6(address);
  if (!ipv4 && !ipv6) {
    return MakeError(ErrorCode::kInvalid, "\"" + std::string(address) + "\" is not an IPv4 or IPv6 address");
  }
  const int max_prefix = ipv4 ? 32 : 128;
  if (slash == std::string_view::npos) return std::string(text) + "/" + std::to_string(max_prefix);

  const auto prefix = ParsePrefixLength(text.substr(slash + 1));
  if (!prefix || *prefix > max_prefix) {
    return MakeError(ErrorCode::kInvalid, "\"" + std::string(text) + "\" needs a prefix length 0.." +
                                              std::to_string(max_prefix) + " after the slash");
  }
  auto network = ipv4 ? CheckNetworkAddress(*ipv4, *prefix, text) : CheckNetworkAddress(*ipv6, *prefix, text);
  if (!network) return std::move(network).error();
  return std::string(text);
}

}  // namespace gazette::config::detail
