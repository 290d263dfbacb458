#include "gazette/http/multipart.hpp"

#include <fmt/format.h>

#include "gazette/http/detail/header_syntax.hpp"
#include "gazette/http/detail/percent_decoding.hpp"
#include "gazette/base/utf8.hpp"
#include "gazette/http/target.hpp"

namespace gazette::http {
namespace {

using detail::EqualsIgnoreCase;
using detail::IsTokenChar;
using detail::TrimBlanks;

/// RFC 2046 section 5.1.1: a boundary is at most 70 characters.
constexpr std::size_t kMaxBoundaryChars = 70;

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message));
}

/// RFC 2046 section 5.1.1 bchars: letters, digits, '()+_,-./:=? and the space (not last).
bool IsBoundaryChar(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

/// A header field value may hold tabs, visible ASCII, spaces and (for UTF-8 file names) bytes >= 0x80;
/// other controls would let a value pose as another line.
bool IsFieldValueText(std::string_view text) noexcept {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte != '\t' && detail::IsControlByte(byte)) return false;
  }
  return true;
}

std::string_view TrimLeadingBlanks(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

std::size_t TokenLength(std::string_view text) noexcept {
  std::size_t length = 0;
  while (length < text.size() && IsTokenChar(text[length])) ++length;
  return length;
}

/// How a quoted-string is read. HTTP headers (the request's Content-Type) have backslash escapes (RFC 9110
/// section 5.6.4); a part's Content-Disposition as browsers write it has none: they percent-encode '"' and
/// send '\' as is (WHATWG HTML, "multipart/form-data encoding algorithm"), as in "C:\x\y.png".
enum class Escapes { kBackslash, kNone };

struct Parameter {
  std::string_view name;
  std::string value;
};

/// Reads the quoted-string at the front of text (which starts with '"') and moves text past it.
Result<std::string> ReadQuotedString(std::string_view& text, Escapes escapes) {
  std::string value;
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      text.remove_prefix(i + 1);
      return value;
    }
    if (c == '\\' && escapes == Escapes::kBackslash) {
      if (++i == text.size()) break;
      c = text[i];
    }
    value.push_back(c);
  }
  return Invalid("a quoted parameter value has no closing quote");
}

/// Parses the parameters after a media type or disposition type: *( OWS ";" OWS [ name "=" value ] )
/// where value is a token or a quoted-string (RFC 9110 section 5.6.6). Field values were checked for
/// control characters already.
Result<std::vector<Parameter>> ParseParameters(std::string_view text, Escapes escapes) {
  std::vector<Parameter> parameters;
  while (true) {
    text = TrimLeadingBlanks(text);
    if (text.empty()) return parameters;
    if (text.front() != ';') return Invalid("parameters must be separated by ';'");
    text = TrimLeadingBlanks(text.substr(1));
    if (text.empty() || text.front() == ';') continue;  // empty parameters are allowed
    const std::size_t name_length = TokenLength(text);
    if (name_length == 0 || name_length == text.size() || text[name_length] != '=') {
      return Invalid("a parameter is not of the form name=value");
    }
    Parameter parameter{text.substr(0, name_length), {}};
    text.remove_prefix(name_length + 1);
    if (!text.empty() && text.front() == '"') {
      auto value = ReadQuotedString(text, escapes);
      if (!value) return std::move(value).error();
      parameter.value = std::move(value).value();
    } else {
      const std::size_t value_length = TokenLength(text);
      if (value_length == 0) return Invalid("a parameter has an empty or malformed value");
      parameter.value = std::string(text.substr(0, value_length));
      text.remove_prefix(value_length);
    }
    parameters.push_back(std::move(parameter));
  }
}

/// A form field name: as Form checks it, so that a file part's name is as clean as a text field's.
Status CheckFieldName(std::string_view name, std::size_t number, const MultipartLimits& limits) {
  if (name.empty()) return Invalid(fmt::format("part {} has an empty name", number));
  if (name.size() > limits.max_name_bytes) {
    return Invalid(fmt::format("part {} has a name longer than {} bytes", number, limits.max_name_bytes));
  }
  if (!IsValidUtf8(name) || HasControlCharacter(name)) {
    return Invalid(fmt::format("part {} has a name that is not valid UTF-8 text", number));
  }
  return OkStatus();
}

/// The last path component of what a client sent as a file name; "" when that is "." or "..".
std::string_view LastPathComponent(std::string_view filename) noexcept {
  const std::size_t separator = filename.find_last_of("/\\");
  if (separator != std::string_view::npos) filename.remove_prefix(separator + 1);
  if (filename == "." || filename == "..") return {};
  return filename;
}

struct Disposition {
  std::string name;
  std::optional<std::string> filename;
};

/// RFC 7578 section 4.2: Content-Disposition: form-data; name="field"[; filename="file.png"].
Result<Disposition> ParseDisposition(std::string_view value, std::size_t number,
                                     const MultipartLimits& limits) {
  const std::size_t type_length = TokenLength(value);
  if (!EqualsIgnoreCase(value.substr(0, type_length), "form-data")) {
    return Invalid(fmt::format("part {} has a Content-Disposition other than form-data", number));
  }
  auto parameters = ParseParameters(value.substr(type_length), Escapes::kNone);
  if (!parameters) {
    return Invalid(
        fmt::format("part {} has a malformed Content-Disposition: {}", number, parameters.error().message));
  }
  std::optional<std::string> name;
  std::optional<std::string> filename;
  for (auto& parameter : *parameters) {
    // "filename*" (RFC 5987) is not to be used in form-data (RFC 7578 section 4.2) and is ignored, like
    // any other parameter.
    std::optional<std::string>* slot = EqualsIgnoreCase(parameter.name, "name")       ? &name
                                       : EqualsIgnoreCase(parameter.name, "filename") ? &filename
                                                                                      : nullptr;
    if (slot == nullptr) continue;
    if (slot->has_value()) {
      return Invalid(fmt::format("part {} gives its {} twice", number, parameter.name));
    }
    *slot = std::move(parameter.value);
  }
  if (!name) return Invalid(fmt::format("part {} has no name", number));
  if (auto status = CheckFieldName(*name, number, limits); !status) return std::move(status).error();
  Disposition disposition{std::move(*name), std::nullopt};
  if (filename) {
    if (!IsValidUtf8(*filename) || HasControlCharacter(*filename)) {
      return Invalid(fmt::format("part {} has a file name that is not valid UTF-8 text", number));
    }
    const std::string_view base = LastPathComponent(*filename);
    if (base.size() > limits.max_filename_bytes) {
      return Invalid(
          fmt::format("part {} has a file name longer than {} bytes", number, limits.max_filename_bytes));
    }
    disposition.filename = std::string(base);
  }
  return disposition;
}

/// Reads one part whose header block starts at pos (just past its boundary line) and moves pos just past
/// the delimiter that ends it. delimiter is CRLF "--" boundary.
Result<Part> ParsePart(std::string_view body, std::size_t& pos, std::string_view delimiter,
                       std::size_t number, const MultipartLimits& limits) {
  const std::string_view dash_boundary = delimiter.substr(2);
  std::optional<std::string_view> disposition;
  std::optional<std::string_view> content_type;
  std::size_t header_bytes = 0;
  std::size_t data_start = 0;
  std::size_t data_end = std::string_view::npos;
  while (true) {
    const std::size_t room = limits.max_part_header_bytes - header_bytes;
    const std::string_view window = body.substr(pos, room);
    const std::size_t line_end = window.find("\r\n");
    if (line_end == std::string_view::npos) {
      if (window.size() < room) {
        return Invalid(fmt::format("the body ends inside the headers of part {}", number));
      }
      return Invalid(fmt::format("part {} has a header block larger than {} bytes", number,
                                 limits.max_part_header_bytes));
    }
    header_bytes += line_end + 2;
    if (line_end == 0) {  // the blank line
      // "headers CRLF" then the delimiter "CRLF--boundary" is a part with no body at all (RFC 2046
      // section 5.1.1: the CRLF before the body belongs to the body).
      if (body.substr(pos).starts_with(delimiter)) {
        data_start = data_end = pos;
      } else {
        data_start = pos + 2;
      }
      break;
    }
    const std::string_view line = window.substr(0, line_end);
    pos += line_end + 2;
    if (line.starts_with(dash_boundary)) {
      return Invalid(fmt::format("part {} has a boundary line where its headers should end", number));
    }
    if (line.front() == ' ' || line.front() == '\t') {
      return Invalid(fmt::format("part {} has a folded header line", number));  // obsolete (RFC 9112 5.2)
    }
    const std::size_t colon = line.find(':');
    const std::string_view name = line.substr(0, colon);
    if (colon == std::string_view::npos || name.empty() || TokenLength(name) != name.size()) {
      return Invalid(fmt::format("part {} has a malformed header line", number));
    }
    const std::string_view value = TrimBlanks(line.substr(colon + 1));
    if (!IsFieldValueText(value)) {
      return Invalid(fmt::format("part {} has a header holding a control character", number));
    }
    // Other headers (Content-Transfer-Encoding, ...) are ignored, as RFC 7578 sections 4.7 and 4.8 ask.
    std::optional<std::string_view>* slot = EqualsIgnoreCase(name, "Content-Disposition") ? &disposition
                                            : EqualsIgnoreCase(name, "Content-Type")      ? &content_type
                                                                                          : nullptr;
    if (slot == nullptr) continue;
    if (slot->has_value()) return Invalid(fmt::format("part {} has two {} headers", number, name));
    *slot = value;
  }
  if (!disposition) return Invalid(fmt::format("part {} has no Content-Disposition header", number));
  auto parsed = ParseDisposition(*disposition, number, limits);
  if (!parsed) return std::move(parsed).error();

  if (data_end == std::string_view::npos) data_end = body.find(delimiter, data_start);
  if (data_end == std::string_view::npos) {
    return Invalid(
        fmt::format("part {} runs to the end of the body: the closing boundary is missing", number));
  }
  pos = data_end + delimiter.size();
  return Part{std::move(parsed->name), std::move(parsed->filename),
              std::string(content_type.value_or(std::string_view{})),
              body.substr(data_start, data_end - data_start)};
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  if (!detail::HasMediaType(content_type, "multipart/form-data")) {
    return Invalid("the Content-Type is not multipart/form-data");
  }
  if (!IsFieldValueText(content_type)) return Invalid("the Content-Type holds a control character");
  const std::size_t semicolon = content_type.find(';');
  auto parameters = ParseParameters(
      semicolon == std::string_view::npos ? std::string_view{} : content_type.substr(semicolon),
      Escapes::kBackslash);
  if (!parameters) return Invalid("the Content-Type is malformed: " + parameters.error().message);
  std::optional<std::string> boundary;
  for (auto& parameter : *parameters) {
    if (!EqualsIgnoreCase(parameter.name, "boundary")) continue;
    if (boundary) return Invalid("the Content-Type gives its boundary twice");
    boundary = std::move(parameter.value);
  }
  if (!boundary) return Invalid("the Content-Type has no boundary");
  if (boundary->empty() || boundary->size() > kMaxBoundaryChars) {
    return Invalid(fmt::format("the multipart boundary must be 1..{} characters", kMaxBoundaryChars));
  }
  for (const char c : *boundary) {
    if (!IsBoundaryChar(c)) return Invalid("the multipart boundary holds a character it may not hold");
  }
  if (boundary->back() == ' ') return Invalid("the multipart boundary may not end with a space");
  return std::move(boundary).value();
}

Result<std::vector<Part>> ParseMultipartForm(std::string_view content_type, std::string_view body,
                                             const MultipartLimits& limits) {
  auto boundary = MultipartBoundary(content_type);
  if (!boundary) return std::move(boundary).error();
  const std::string delimiter = "\r\n--" + *boundary;
  const std::string_view dash_boundary = std::string_view(delimiter).substr(2);

  // The first boundary line opens the body, or ends a preamble (which is ignored).
  std::size_t pos = 0;
  if (body.starts_with(dash_boundary)) {
    pos = dash_boundary.size();
  } else {
    pos = body.find(delimiter);
    if (pos == std::string_view::npos) return Invalid("the body holds no multipart boundary");
    pos += delimiter.size();
  }

  std::vector<Part> parts;
  while (true) {
    // Just past a boundary: "--" closes the body (the epilogue after it is ignored), else optional
    // transport padding and a line end open the next part.
    if (body.substr(pos, 2) == "--") return parts;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (pos >= body.size()) return Invalid("the body ends without its closing boundary");
    if (body.substr(pos, 2) != "\r\n") {
      return Invalid("a boundary line is followed by other text (the boundary occurs inside a part?)");
    }
    pos += 2;
    if (parts.size() == limits.max_parts) {
      return Invalid(fmt::format("the form has more than {} parts", limits.max_parts));
    }
    auto part = ParsePart(body, pos, delimiter, parts.size() + 1, limits);
    if (!part) return std::move(part).error();
    parts.push_back(std::move(part).value());
  }
}

Result<Form> FormFromTextParts(const std::vector<Part>& parts, const FormLimits& limits) {
  Form::Fields fields;
  for (const Part& part : parts) {
    if (part.IsFile()) continue;
    // Checked before copying, so a huge part list cannot make us copy it all first.
    if (fields.size() == limits.max_fields) {
      return Invalid(fmt::format("the form has more than {} fields", limits.max_fields));
    }
    fields.emplace_back(part.name, std::string(part.data));
  }
  return Form::FromFields(std::move(fields), limits);
}

Result<Form> ParseFormBody(std::string_view content_type, std::string_view body, const FormLimits& limits,
                           const MultipartLimits& multipart_limits) {
  if (detail::HasMediaType(content_type, "application/x-www-form-urlencoded")) {
    return ParseUrlEncodedForm(body, limits);
  }
  if (detail::HasMediaType(content_type, "multipart/form-data")) {
    auto parts = ParseMultipartForm(content_type, body, multipart_limits);
    if (!parts) return std::move(parts).error();
    return FormFromTextParts(*parts, limits);
  }
  return Invalid("expected a form (application/x-www-form-urlencoded or multipart/form-data)");
}

}  // namespace gazette::http
