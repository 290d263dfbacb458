#pragma once
/// The content hash that names a media file: the same bytes always get the same name, so an image uploaded
/// twice is stored once.

#include <string>
#include <string_view>

namespace gazette::media {

/// SHA-256 of bytes as 64 lower-case hex digits. Thread-safe.
std::string Sha256Hex(std::string_view bytes);

}  // namespace gazette::media
