#include "gazette/http/brotli_compress.hpp"

#include <brotli/encode.h>

#include <algorithm>
#include <cstdint>
#include <new>

namespace gazette::http {

std::string CompressBrotli(std::string_view body, int quality) {
  // The bound is 0 only when it would overflow size_t; such a body cannot exist in memory anyway.
  std::string out(BrotliEncoderMaxCompressedSize(body.size()), '\0');
  std::size_t size = out.size();
  if (size == 0 || !BrotliEncoderCompress(std::clamp(quality, BROTLI_MIN_QUALITY, BROTLI_MAX_QUALITY),
                                          BROTLI_DEFAULT_WINDOW, BROTLI_DEFAULT_MODE, body.size(),
                                          reinterpret_cast<const std::uint8_t*>(body.data()), &size,
                                          reinterpret_cast<std::uint8_t*>(out.data()))) {
    throw std::bad_alloc();  // with a buffer of the maximal size, running out of memory is the only failure
  }
  out.resize(size);
  out.shrink_to_fit();
  return out;
}

}  // namespace gazette::http
