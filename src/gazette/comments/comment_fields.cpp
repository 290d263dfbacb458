#include "gazette/comments/comment_fields.hpp"

#include <fmt/format.h>

#include "gazette/base/utf8.hpp"

namespace gazette::comments {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

/// "\r\n" and a lone "\r" (old Macs, some clipboards) become "\n"; trailing spaces of lines go.
std::string NormaliseLines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += '\n';
    } else {
      out += c;
    }
  }
  std::string trimmed;
  trimmed.reserve(out.size());
  std::size_t start = 0;
  while (start <= out.size()) {
    const std::size_t newline = out.find('\n', start);
    std::string_view line(out.data() + start, (newline == std::string::npos ? out.size() : newline) - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    trimmed += line;
    if (newline == std::string::npos) break;
    trimmed += '\n';
    start = newline + 1;
  }
  return std::string(Trim(trimmed));
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

FieldProblem Problem(CommentField field, std::string message) {
  return FieldProblem{field, std::move(message)};
}

}  // namespace

std::variant<CommentFields, FieldProblem> CheckCommentFields(std::string_view name, std::string_view email,
                                                           std::string_view text) {
  // Validity first: lengths in characters are only defined for valid UTF-8.
  if (!IsValidUtf8(name)) return Problem(CommentField::kName, "Your name is not valid text (UTF-8).");
  if (!IsValidUtf8(email)) return Problem(CommentField::kEmail, "The e-mail address is not valid text (UTF-8).");
  if (!IsValidUtf8(text)) return Problem(CommentField::kText, "Your comment is not valid text (UTF-8).");

  const std::string_view trimmed_name = Trim(name);
  if (trimmed_name.empty()) return Problem(CommentField::kName, "Please write your name.");
  if (HasControlCharacter(trimmed_name)) {
    return Problem(CommentField::kName, "Your name may not hold line breaks or control characters.");
  }
  if (CodePointCount(trimmed_name) > kMaxCommentNameChars) {
    return Problem(CommentField::kName,
                   fmt::format("Your name may be at most {} characters long.", kMaxCommentNameChars));
  }

  const std::string_view trimmed_email = Trim(email);
  if (HasControlCharacter(trimmed_email)) {
    return Problem(CommentField::kEmail, "The e-mail address may not hold control characters.");
  }
  if (CodePointCount(trimmed_email) > kMaxCommentEmailChars) {
    return Problem(CommentField::kEmail,
                   fmt::format("The e-mail address may be at most {} characters long.", kMaxCommentEmailChars));
  }
  if (!trimmed_email.empty()) {
    const std::size_t at = trimmed_email.find('@');
    const bool shaped = at != std::string_view::npos && at > 0 && at + 1 < trimmed_email.size() &&
                        trimmed_email.find('@', at + 1) == std::string_view::npos &&
                        trimmed_email.find_first_of(" \t,;<>\"") == std::string_view::npos;
    if (!shaped) {
      return Problem(CommentField::kEmail,
                     "The e-mail address does not look like one (name@example.org); leave it empty if you "
                     "prefer.");
    }
  }

  if (HasControlCharacter(text, "\t\r\n")) {
    return Problem(CommentField::kText, "Your comment may not hold control characters.");
  }
  std::string tidy_text = NormaliseLines(text);
  if (tidy_text.empty()) return Problem(CommentField::kText, "Please write a comment.");
  if (CodePointCount(tidy_text) > kMaxCommentTextChars) {
    return Problem(CommentField::kText,
                   fmt::format("Your comment may be at most {} characters long (it has {}).", kMaxCommentTextChars,
                               CodePointCount(tidy_text)));
  }
  return CommentFields{std::string(trimmed_name), Lower(trimmed_email), std::move(tidy_text)};
}

}  // namespace gazette::comments
