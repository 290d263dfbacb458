#include "gazette/http/local_redirect.hpp"

namespace gazette::http {

bool IsSafeLocalRedirect(std::string_view location) noexcept {
  if (location.empty() || location.front() != '/') return false;
  if (location.size() > 1 && location[1] == '/') return false;
  for (const char c : location) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '\\') return false;
  }
  return true;
}

}  // namespace gazette::http
