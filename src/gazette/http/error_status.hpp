#pragma once
/// The one table from ErrorCode to HTTP status (DESIGN.md section 5).

#include "gazette/base/result.hpp"

namespace gazette::http {

constexpr unsigned StatusForError(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kInvalid:
      return 400;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace gazette::http
