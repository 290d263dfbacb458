#pragma once
/// Initialises libsodium once per process, before the first call into it (thread-safe).

namespace gazette::accounts::detail {

/// Throws std::runtime_error when libsodium cannot be initialised (no usable randomness source).
void EnsureSodium();

}  // namespace gazette::accounts::detail
