#include "gazette/admin/record_id.hpp"

#include <charconv>

namespace gazette::admin {

std::optional<std::int64_t> ParseRecordId(std::string_view text) noexcept {
  // from_chars would accept a leading '-'; ids are never negative.
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace gazette::admin
