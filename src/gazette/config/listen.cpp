// ParseListen and FormatListen: the [server] listen value and the --listen option.
#include <algorithm>
#include <string>

#include "gazette/base/ip_address.hpp"
#include "gazette/config/config.hpp"
#include "gazette/config/detail/address.hpp"
#include "gazette/config/limits.hpp"

namespace gazette::config {
namespace {

constexpr const char* kListenExample = "write HOST:PORT, e.g. 127.0.0.1:8080, [::1]:8080 or :8080";

Error ListenError(std::string_view text, std::string_view problem) {
  return MakeError(ErrorCode::kInvalid,
                   "\"" + std::string(text) + "\" " + std::string(problem) + "; " + kListenExample);
}

}  // namespace

Result<std::pair<std::string, std::uint16_t>> ParseListen(std::string_view text) {
  if (text.empty()) return ListenError(text, "is empty");
  if (text.size() > kMaxListenChars) {
    return MakeError(ErrorCode::kInvalid,
                     "listen address is longer than " + std::to_string(kMaxListenChars) + " characters");
  }

  std::string host;
  std::string_view port_text;
  if (text.front() == '[') {
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos) return ListenError(text, "has no closing ']'");
    const std::string_view inside = text.substr(1, close - 1);
    if (!ParseIpv6(inside))
      return ListenError(text, "has no valid IPv6 address between the brackets");
    if (close + 1 >= text.size() || text[close + 1] != ':') return ListenError(text, "has no port");
    host = std::string(inside);
    port_text = text.substr(close + 2);
  } else {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) return ListenError(text, "has no port");
    const std::string_view host_text = text.substr(0, colon);
    if (host_text.find(':') != std::string_view::npos) {
      return ListenError(text, "needs brackets around an IPv6 address");
    }
    if (host_text.empty()) {
      host = "0.0.0.0";  // every IPv4 interface
    } else if (ParseIpv4(host_text) || detail::IsDnsName(host_text)) {
      host = std::string(host_text);
    } else {
      return ListenError(text, "has no valid host name or IP address before the port");
    }
    port_text = text.substr(colon + 1);
  }

  const bool digits = !port_text.empty() && std::all_of(port_text.begin(), port_text.end(),
                                                        [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || port_text.size() > 5) return ListenError(text, "needs a port number 0..65535");
  const unsigned long port = std::stoul(std::string(port_text));
  if (port > 65535) return ListenError(text, "needs a port number 0..65535");
  return std::pair{std::move(host), static_cast<std::uint16_t>(port)};
}

std::string FormatListen(std::string_view host, std::uint16_t port) {
  const bool ipv6 = host.find(':') != std::string_view::npos;
  std::string text = ipv6 ? "[" + std::string(host) + "]" : std::string(host);
  return text + ":" + std::to_string(port);
}

}  // namespace gazette::config
