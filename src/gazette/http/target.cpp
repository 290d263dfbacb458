#include "gazette/http/target.hpp"

#include <cstdint>

#include "gazette/http/detail/percent_decoding.hpp"

namespace gazette::http {
namespace {

using detail::HasControlCharacter;
using detail::PercentDecode;

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message));
}

}  // namespace

bool IsValidUtf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char lead = *p;
    if (lead < 0x80) {
      ++p;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t min_code = 0;
    if ((lead & 0xe0) == 0xc0) {
      length = 2, code = lead & 0x1f, min_code = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
      length = 3, code = lead & 0x0f, min_code = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
      length = 4, code = lead & 0x07, min_code = 0x10000;
    } else {
      return false;  // a continuation byte without a lead, or 0xf8..0xff
    }
    if (static_cast<std::size_t>(end - p) < length) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((p[k] & 0xc0) != 0x80) return false;
      code = (code << 6) | (p[k] & 0x3f);
    }
    if (code < min_code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    p += length;
  }
  return true;
}

Result<std::string> DecodePath(std::string_view raw_path) {
  std::string path;
  if (!PercentDecode(raw_path, /*plus_is_space=*/false, path))
    return Invalid("malformed percent-escape in path");
  if (!IsValidUtf8(path)) return Invalid("path is not valid UTF-8");
  if (HasControlCharacter(path)) return Invalid("path holds a control character");
  return path;
}

Result<QueryParams> ParseQuery(std::string_view raw_query) {
  QueryParams params;
  while (!raw_query.empty()) {
    const std::size_t amp = raw_query.find('&');
    const std::string_view piece = raw_query.substr(0, amp);
    raw_query = amp == std::string_view::npos ? std::string_view{} : raw_query.substr(amp + 1);
    if (piece.empty()) continue;
    const std::size_t eq = piece.find('=');
    std::string name;
    std::string value;
    if (!PercentDecode(piece.substr(0, eq), /*plus_is_space=*/true, name) ||
        (eq != std::string_view::npos &&
         !PercentDecode(piece.substr(eq + 1), /*plus_is_space=*/true, value))) {
      return Invalid("malformed percent-escape in query");
    }
    if (!IsValidUtf8(name) || !IsValidUtf8(value)) return Invalid("query is not valid UTF-8");
    if (name.find('\0') != std::string::npos || value.find('\0') != std::string::npos) {
      return Invalid("query holds a NUL character");
    }
    params.emplace_back(std::move(name), std::move(value));
  }
  return params;
}

Result<Target> ParseTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') return Invalid("request-target must be an absolute path");
  if (target.find('#') != std::string_view::npos) return Invalid("request-target holds a fragment");
  const std::size_t question = target.find('?');
  auto path = DecodePath(target.substr(0, question));
  if (!path) return std::move(path).error();
  Target result{std::move(path).value(), {}};
  if (question != std::string_view::npos) {
    auto query = ParseQuery(target.substr(question + 1));
    if (!query) return std::move(query).error();
    result.query = std::move(query).value();
  }
  return result;
}

}  // namespace gazette::http
