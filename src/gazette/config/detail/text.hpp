#pragma once
/// Small text helpers of configuration parsing. The UTF-8 and control-character checks on values (TOML
/// strings are valid UTF-8 already; environment variables are arbitrary bytes) are base/utf8.hpp's.

#include <string_view>

namespace gazette::config::detail {

/// text without leading and trailing ASCII spaces and tabs.
std::string_view TrimSpaces(std::string_view text);

}  // namespace gazette::config::detail
