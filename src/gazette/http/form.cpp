#include "gazette/http/form.hpp"

#include <fmt/format.h>

#include "gazette/http/detail/percent_decoding.hpp"
#include "gazette/base/utf8.hpp"
#include "gazette/http/target.hpp"

namespace gazette::http {
namespace {

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message));
}

/// Tab, CR and LF come from textareas; every other control character (C1 included: invisible, and some
/// software takes U+0085 for a line break) is refused.
constexpr std::string_view kTextareaControls = "\t\r\n";

Status CheckName(std::string_view name, const FormLimits& limits) {
  // The name is not quoted in these messages: it is not yet known to be printable.
  if (name.empty()) return Invalid("a form field has no name");
  if (name.size() > limits.max_name_bytes) {
    return Invalid(fmt::format("a form field name is longer than {} bytes", limits.max_name_bytes));
  }
  if (!IsValidUtf8(name)) return Invalid("a form field name is not valid UTF-8");
  if (HasControlCharacter(name)) {
    return Invalid("a form field name holds a control character");
  }
  return OkStatus();
}

Status CheckValue(std::string_view name, std::string_view value) {
  if (!IsValidUtf8(value)) return Invalid(fmt::format("field \"{}\" is not valid UTF-8", name));
  if (value.find('\0') != std::string_view::npos) {
    return Invalid(fmt::format("field \"{}\" holds a NUL character", name));
  }
  if (HasControlCharacter(value, kTextareaControls)) {
    return Invalid(fmt::format("field \"{}\" holds a control character", name));
  }
  return OkStatus();
}

Status CheckField(std::string_view name, std::string_view value, const FormLimits& limits) {
  if (auto status = CheckName(name, limits); !status) return status;
  return CheckValue(name, value);
}

Error TooManyFields(const FormLimits& limits) {
  return Invalid(fmt::format("the form has more than {} fields", limits.max_fields));
}

}  // namespace

Result<Form> Form::FromFields(Fields fields, const FormLimits& limits) {
  if (fields.size() > limits.max_fields) return TooManyFields(limits);
  for (const auto& [name, value] : fields) {
    if (auto status = CheckField(name, value, limits); !status) return std::move(status).error();
  }
  return Form(std::move(fields));
}

std::optional<std::string_view> Form::Get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return std::string_view{value};
  }
  return std::nullopt;
}

std::vector<std::string_view> Form::GetAll(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : fields_) {
    if (key == name) values.emplace_back(value);
  }
  return values;
}

bool Form::Has(std::string_view name) const {
  return Get(name).has_value();
}

Result<Form> ParseUrlEncodedForm(std::string_view body, const FormLimits& limits) {
  Form::Fields fields;
  while (!body.empty()) {
    const std::size_t amp = body.find('&');
    const std::string_view piece = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (piece.empty()) continue;
    // Counted before decoding, so a body of a million tiny fields costs one pass and no allocation each.
    if (fields.size() == limits.max_fields) return TooManyFields(limits);
    const std::size_t eq = piece.find('=');
    const std::string_view raw_name = piece.substr(0, eq);
    // A decoded name is at most as long as its raw form, at least a third of it: skip decoding huge ones.
    if (raw_name.size() > 3 * limits.max_name_bytes) {
      return Invalid(fmt::format("a form field name is longer than {} bytes", limits.max_name_bytes));
    }
    std::string name;
    if (!detail::PercentDecode(raw_name, /*plus_is_space=*/true, name)) {
      return Invalid("a form field name holds a malformed percent-escape");
    }
    if (auto status = CheckName(name, limits); !status) return std::move(status).error();
    std::string value;
    if (eq != std::string_view::npos &&
        !detail::PercentDecode(piece.substr(eq + 1), /*plus_is_space=*/true, value)) {
      return Invalid(fmt::format("field \"{}\" holds a malformed percent-escape", name));
    }
    if (auto status = CheckValue(name, value); !status) return std::move(status).error();
    fields.emplace_back(std::move(name), std::move(value));
  }
  return Form(std::move(fields));  // every field was checked above
}

}  // namespace gazette::http
