#pragma once
/// Record ids as they arrive in back-office addresses and forms ("/admin/articles/42", name="ids"): only
/// plain positive decimal numbers are ids, so that "42abc", "-1" or "0x2a" name no record.

#include <cstdint>
#include <optional>
#include <string_view>

namespace gazette::admin {

/// The id text names, or empty when it is not digits only, is zero, or does not fit in 64 bits.
std::optional<std::int64_t> ParseRecordId(std::string_view text) noexcept;

}  // namespace gazette::admin
