#pragma once
/// CompressBrotli: one-shot brotli (RFC 7932) of a body without live slots (feeds, sitemaps), at any quality.
/// Pages with live slots use SplicedEncoding::Brotli(), which is limited to quality 1.

#include <string>
#include <string_view>

namespace gazette::http {

/// body compressed at quality 0..11 (clamped) with a 4 MiB window (brotli's default). Quality 11 costs tens
/// of milliseconds for a 30 KB page: pick it by how often the body is served. Throws std::bad_alloc when the
/// encoder runs out of memory.
std::string CompressBrotli(std::string_view body, int quality);

}  // namespace gazette::http
