#pragma once
/// The [site] base_url check: an absolute http(s) URL that links and feeds are built on.

#include <string>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::config::detail {

/// Returns url without its single trailing slash ("https://example.org/" -> "https://example.org") when
/// it is an absolute http:// or https:// URL with a host, an optional port and an optional path, and no
/// credentials, query or fragment. kInvalid otherwise, with a message that reads after the key name
/// ("must be an absolute http:// or https:// URL ...").
Result<std::string> NormalizeBaseUrl(std::string_view url);

}  // namespace gazette::config::detail
