#pragma once
/// Result<T>: the value of an operation that can fail across a module seam, or an Error with a code and a
/// message for people. Exceptions are kept for bugs and start-up failures (DESIGN.md section 5).

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace gazette {

/// What went wrong, independent of the layer that noticed it. site::StatusFor() maps these to HTTP.
/// When adding a code here, also update http::StatusForError().
enum class ErrorCode {
  kNotFound,     ///< the thing asked for does not exist (or is not visible to the asker)
  kConflict,     ///< the change collides with the current state (duplicate slug, concurrent edit)
  kInvalid,      ///< the input is malformed or out of range
  kForbidden,    ///< the asker may not do this
  kUnavailable,  ///< a resource is temporarily unavailable (database busy, shutting down)
  kInternal,     ///< a bug or an unexpected failure of a dependency
};

/// Short stable name of a code ("not found"), for logs and messages.
const char* ErrorCodeName(ErrorCode code) noexcept;

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  ///< for people: says what went wrong and, where possible, what to do
};

inline Error MakeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor): return value directly
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  /// Precondition: ok().
  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// Precondition: !ok().
  const Error& error() const& {
    assert(!ok());
    return std::get<1>(state_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(state_));
  }

 private:
  std::variant<T, Error> state_;
};

/// Result of an operation that yields nothing but may fail.
struct Unit {};
using Status = Result<Unit>;
inline Status OkStatus() { return Unit{}; }

}  // namespace gazette
