#include "support/temp_dir.hpp"

#include <stdlib.h>  // mkdtemp (POSIX)

#include <stdexcept>
#include <string>
#include <system_error>

namespace gazette::testing {

TempDir::TempDir() {
  std::string pattern = "/tmp/gazette-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary directory under /tmp");
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;  // a leftover directory in /tmp is not worth failing a test over
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace gazette::testing
