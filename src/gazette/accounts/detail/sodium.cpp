#include "gazette/accounts/detail/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace gazette::accounts::detail {

void EnsureSodium() {
  // A function-local static: initialised exactly once, even when threads race to it.
  static const bool initialised = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    return true;
  }();
  (void)initialised;
}

}  // namespace gazette::accounts::detail
