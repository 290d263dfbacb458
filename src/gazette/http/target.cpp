#include "gazette/http/target.hpp"

#include "gazette/http/detail/percent_decoding.hpp"

namespace gazette::http {
namespace {

using detail::PercentDecode;

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message));
}

}  // namespace

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
