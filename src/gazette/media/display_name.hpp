#pragma once
/// The name an image is listed under in the back office: the uploaded file's name, cleaned. It is only
/// ever shown (escaped by the templates), never used to build a path.

#include <string>
#include <string_view>

#include "gazette/media/image_type.hpp"

namespace gazette::media {

/// uploaded_name's last path component (after the last '/' or '\', so "../../etc/passwd" gives "passwd"
/// and "C:\photos\a.jpg" gives "a.jpg"), without control characters or invalid UTF-8, spaces trimmed,
/// cut at a character boundary to storage::kMaxMediaOriginalNameBytes. "image.<ext of type>" when nothing
/// is left, or only "." or "..".
std::string CleanDisplayName(std::string_view uploaded_name, ImageType type);

/// Text people type on one line (alt text): control characters, line breaks included, become spaces;
/// invalid UTF-8 is dropped; spaces are trimmed. Not cut: the store refuses what is too long.
std::string CleanOneLineText(std::string_view text);

}  // namespace gazette::media
