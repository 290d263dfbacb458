#pragma once
/// The open-redirect guard: which Location values keep the browser on this site.

#include <string_view>

namespace gazette::http {

/// True when location is a path on this site: it starts with exactly one '/' and holds no backslash,
/// space or control character. Refuses what browsers would read as another host ("//evil.example",
/// "/\evil.example", "/\t/evil.example": browsers drop tabs and line breaks, and read '\' as '/'), any
/// absolute URL ("https://...", "javascript:..."), and relative paths ("admin", "../x").
bool IsSafeLocalRedirect(std::string_view location) noexcept;

}  // namespace gazette::http
