#include "gazette/http/detail/brotli_chunks.hpp"

#include <brotli/encode.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>

namespace gazette::http::detail {
namespace {

// Four MLEN nibbles hold up to 65,536 bytes; larger values would need five or six nibbles, whose top nibble
// must not be zero: fixed-size blocks keep the header at three bytes and the rule trivially kept.
constexpr std::size_t kMetaBlockMax = std::size_t{1} << 16;
constexpr std::size_t kMetaBlockHeaderSize = 3;

struct EncoderDeleter {
  void operator()(BrotliEncoderState* state) const noexcept { BrotliEncoderDestroyInstance(state); }
};
using Encoder = std::unique_ptr<BrotliEncoderState, EncoderDeleter>;

/// Runs one operation until the encoder has taken all input and given all output (encode.h's contract).
void Run(BrotliEncoderState* encoder, BrotliEncoderOperation operation, std::string_view input,
         std::string& out) {
  std::size_t available_in = input.size();
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(input.data());
  while (true) {
    std::size_t available_out = 0;
    if (!BrotliEncoderCompressStream(encoder, operation, &available_in, &next_in, &available_out, nullptr,
                                     nullptr)) {
      throw std::bad_alloc();  // the only failure left with valid parameters
    }
    std::size_t size = 0;
    const std::uint8_t* output = BrotliEncoderTakeOutput(encoder, &size);
    out.append(reinterpret_cast<const char*>(output), size);
    const bool done =
        operation == BROTLI_OPERATION_FINISH ? BrotliEncoderIsFinished(encoder) != 0 : available_in == 0;
    if (done && !BrotliEncoderHasMoreOutput(encoder)) return;
  }
}

}  // namespace

BrotliChunks EncodeBrotliChunks(std::span<const std::string_view> chunks) {
  Encoder encoder(BrotliEncoderCreateInstance(nullptr, nullptr, nullptr));
  if (!encoder) throw std::bad_alloc();
  BrotliEncoderSetParameter(encoder.get(), BROTLI_PARAM_QUALITY, kSpliceableBrotliQuality);
  BrotliChunks result;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    const bool last = i + 1 == chunks.size();
    Run(encoder.get(), last ? BROTLI_OPERATION_FINISH : BROTLI_OPERATION_FLUSH, chunks[i], result.bytes);
    result.ends.push_back(result.bytes.size());
  }
  result.bytes.shrink_to_fit();
  return result;
}

std::size_t UncompressedMetaBlocksSize(std::size_t size) noexcept {
  return size + (size + kMetaBlockMax - 1) / kMetaBlockMax * kMetaBlockHeaderSize;
}

char* WriteUncompressedMetaBlocks(std::string_view live, char* out) noexcept {
  while (!live.empty()) {
    const std::size_t length = std::min(live.size(), kMetaBlockMax);
    // Bits from the lowest: ISLAST 0, MNIBBLES - 4 = 00, MLEN - 1 in 16 bits, ISUNCOMPRESSED 1, 4 zero bits.
    const std::uint32_t header = (static_cast<std::uint32_t>(length - 1) << 3) | (std::uint32_t{1} << 19);
    out[0] = static_cast<char>(header & 0xff);
    out[1] = static_cast<char>((header >> 8) & 0xff);
    out[2] = static_cast<char>((header >> 16) & 0xff);
    std::copy_n(live.data(), length, out + kMetaBlockHeaderSize);
    out += kMetaBlockHeaderSize + length;
    live.remove_prefix(length);
  }
  return out;
}

}  // namespace gazette::http::detail
