#pragma once
/// CommentFields: what a reader typed into the comment form, checked and tidied before anything is stored:
/// lengths in characters, valid UTF-8, no control characters, an e-mail address of a plausible shape.
/// The text itself is kept exactly as typed (right-to-left text, emoji, combining marks), line breaks aside.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace gazette::comments {

/// Long enough for any real name or pen name; a header line, not a paragraph.
inline constexpr std::size_t kMaxCommentNameChars = 100;
/// RFC 5321's limit on a forward path, which an address must fit in.
inline constexpr std::size_t kMaxCommentEmailChars = 254;
/// About two pages: room for a considered reply, not for a pasted article.
inline constexpr std::size_t kMaxCommentTextChars = 5000;

/// Which field a problem is about, so a form can show the message beside it.
enum class CommentField { kName, kEmail, kText };

struct CommentFields {
  std::string name;   ///< trimmed
  std::string email;  ///< trimmed, lower-cased; may be empty
  std::string text;   ///< line breaks as "\n", trailing spaces and blank lines at either end dropped
};

struct FieldProblem {
  CommentField field;
  std::string message;  ///< for the reader: "Please write your name."
};

/// The tidied fields, or the first problem found (name, then e-mail, then text). Refuses: an empty name
/// or text; a name over kMaxCommentNameChars, an address over kMaxCommentEmailChars, a text over
/// kMaxCommentTextChars characters (code points); invalid UTF-8; control characters (but tab and line
/// breaks in the text); an e-mail address without one '@' between non-empty parts or with spaces.
/// Thread-safe.
std::variant<CommentFields, FieldProblem> CheckCommentFields(std::string_view name, std::string_view email,
                                                           std::string_view text);

}  // namespace gazette::comments
