#pragma once
/// Form: the text fields of a submitted HTML form, and the parser of application/x-www-form-urlencoded
/// bodies (the WHATWG URL standard's format: '&'-separated name=value pairs, '+' for a space). Every
/// field that reaches a handler is valid UTF-8 without NUL or other control characters but tab, CR and LF.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/base/result.hpp"

namespace gazette::http {

/// Bounds on what a form may hold; the whole body is already bounded by the server's body limit.
struct FormLimits {
  /// A bulk action over a long list still sends far fewer; more is an attempt to make us work.
  std::size_t max_fields = 1000;
  /// Our forms use short names ("title", "ids"); a long one is never ours.
  std::size_t max_name_bytes = 100;
};

/// Immutable once built: thread-safe to read.
class Form {
 public:
  using Fields = std::vector<std::pair<std::string, std::string>>;

  Form() = default;  ///< no fields

  /// Checks fields (in submission order) as ParseUrlEncodedForm checks decoded ones: at most
  /// limits.max_fields, names non-empty, at most limits.max_name_bytes, valid UTF-8 without control
  /// characters; values valid UTF-8 without control characters but tab, CR and LF. kInvalid otherwise,
  /// with a message naming the field ("field \"title\" is not valid UTF-8").
  static Result<Form> FromFields(Fields fields, const FormLimits& limits = {});

  /// The first value of name, or an empty optional when the form has no such field.
  std::optional<std::string_view> Get(std::string_view name) const;
  /// Every value of name in submission order (a list of checkboxes sharing one name, such as "ids").
  std::vector<std::string_view> GetAll(std::string_view name) const;
  bool Has(std::string_view name) const;
  const Fields& fields() const { return fields_; }

 private:
  friend Result<Form> ParseUrlEncodedForm(std::string_view body, const FormLimits& limits);
  explicit Form(Fields fields) : fields_(std::move(fields)) {}

  Fields fields_;
};

/// Parses an application/x-www-form-urlencoded body: "a=1&b=x+y&c" ('+' is a space, "c" has an empty
/// value, empty pieces between '&' are skipped). Percent-escapes are strict (two hex digits). kInvalid on a
/// malformed escape, a field without a name, more than limits.max_fields fields, or any field FromFields
/// refuses; the message says which field when it can name it.
Result<Form> ParseUrlEncodedForm(std::string_view body, const FormLimits& limits = {});

}  // namespace gazette::http
