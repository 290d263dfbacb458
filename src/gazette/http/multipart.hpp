#pragma once
/// multipart/form-data (RFC 7578 on RFC 2046 section 5.1): the encoding of forms that upload files.
/// Parsed strictly, in one pass, without copying part contents; anything malformed is refused.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/http/form.hpp"

namespace gazette::http {

/// Bounds on a multipart body; its size is already bounded by the server's body limit for the path.
struct MultipartLimits {
  /// A back-office form has a few dozen fields at most; each part costs a header parse.
  std::size_t max_parts = 100;
  /// Content-Disposition and Content-Type of a part fit in a few hundred bytes.
  std::size_t max_part_header_bytes = 8 * 1024;
  /// As FormLimits::max_name_bytes: our field names are short.
  std::size_t max_name_bytes = 100;
  /// What most file systems allow for one file name.
  std::size_t max_filename_bytes = 255;
};

/// One part of a multipart/form-data body.
struct Part {
  std::string name;  ///< the form field's name: valid UTF-8, no control characters, not empty
  /// Present when the part is a file (even empty: a file input with no file chosen). Only the last path
  /// component of what the client sent ("../../etc/passwd" gives "passwd", "C:\x\y.png" gives "y.png"),
  /// valid UTF-8 without control characters; "" for "." or "..". Still the client's text: never use it as
  /// a path on disk.
  std::optional<std::string> filename;
  /// The part's Content-Type as sent ("image/png"), blanks trimmed; empty when absent, which RFC 7578
  /// section 4.4 reads as text/plain. The client's claim: check a file's bytes, not this.
  std::string content_type;
  /// The part's contents: a view into the body passed to ParseMultipartForm, valid as long as it is.
  std::string_view data;

  bool IsFile() const { return filename.has_value(); }
};

/// The boundary parameter of a multipart/form-data Content-Type value ("multipart/form-data;
/// boundary=----x" or boundary="----x"): 1..70 characters of RFC 2046's bchars, not ending in a space.
/// kInvalid for another media type, a missing, doubled or malformed boundary, or malformed parameters.
Result<std::string> MultipartBoundary(std::string_view content_type);

/// The parts of body, in order. kInvalid, with a message for people, for: a Content-Type that
/// MultipartBoundary refuses; no opening boundary; a boundary line followed by anything but "--" or a line
/// end; more than limits.max_parts parts; a part header block over limits.max_part_header_bytes or not
/// ended by a blank line before the next boundary; a malformed header line; a part without
/// Content-Disposition (a part without headers included), or with two; a disposition other than
/// form-data, or without a name; a bad name or filename; no closing boundary. A preamble before the first
/// boundary and an epilogue after the last are ignored (RFC 2046 section 5.1.1).
Result<std::vector<Part>> ParseMultipartForm(std::string_view content_type, std::string_view body,
                                             const MultipartLimits& limits = {});

/// The non-file parts as a Form (files left out), checked as Form::FromFields checks fields, so that a
/// handler reads text fields the same way whichever encoding the browser chose.
Result<Form> FormFromTextParts(const std::vector<Part>& parts, const FormLimits& limits = {});

/// The form in a request body of either encoding, chosen by its Content-Type: application/
/// x-www-form-urlencoded (ParseUrlEncodedForm) or multipart/form-data (its text parts). kInvalid for any
/// other Content-Type or a malformed body.
Result<Form> ParseFormBody(std::string_view content_type, std::string_view body,
                           const FormLimits& limits = {}, const MultipartLimits& multipart_limits = {});

}  // namespace gazette::http
