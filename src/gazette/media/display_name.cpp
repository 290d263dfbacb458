#include "gazette/media/display_name.hpp"

#include "gazette/storage/media_store.hpp"

namespace gazette::media {

namespace {

/// Length of the valid UTF-8 sequence at the start of text, or 0 when it is not one (overlong forms,
/// surrogates and code points past U+10FFFF included).
std::size_t Utf8SequenceLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char min_second = 0x80;
  unsigned char max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;  // overlong
    if (lead == 0xED) max_second = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;  // overlong
    if (lead == 0xF4) max_second = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < min_second || byte(1) > max_second) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

/// text with invalid UTF-8 dropped and each control character replaced by replacement (or dropped when it
/// is empty).
std::string CleanCharacters(std::string_view text, std::string_view replacement) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = Utf8SequenceLength(text);
    if (length == 0) {
      text.remove_prefix(1);
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[0]);
    // C0 controls, DEL, and the C1 controls (U+0080..U+009F, encoded C2 80..C2 9F).
    const bool control = (length == 1 && (c < 0x20 || c == 0x7F)) ||
                         (length == 2 && c == 0xC2 && static_cast<unsigned char>(text[1]) < 0xA0);
    if (control) {
      out.append(replacement);
    } else {
      out.append(text.substr(0, length));
    }
    text.remove_prefix(length);
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

/// text cut to at most max bytes without splitting a character (text is valid UTF-8).
std::string_view CutAtCharacter(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

std::string CleanDisplayName(std::string_view uploaded_name, ImageType type) {
  const std::size_t slash = uploaded_name.find_last_of("/\\");
  if (slash != std::string_view::npos) uploaded_name.remove_prefix(slash + 1);
  const std::string cleaned = CleanCharacters(uploaded_name, "");
  const std::string_view name = Trim(CutAtCharacter(Trim(cleaned), storage::kMaxMediaOriginalNameBytes));
  if (name.empty() || name == "." || name == "..") return "image." + std::string(ExtensionOf(type));
  return std::string(name);
}

std::string CleanOneLineText(std::string_view text) {
  return std::string(Trim(CleanCharacters(text, " ")));
}

}  // namespace gazette::media
