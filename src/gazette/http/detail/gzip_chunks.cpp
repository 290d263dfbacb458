#include "gazette/http/detail/gzip_chunks.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <new>
#include <stdexcept>

namespace gazette::http::detail {
namespace {

// RFC 1952 section 2.3: ID1 ID2, CM = 8 (deflate), FLG = 0, MTIME = 0 ("no time stamp": the bytes stay the
// same for the same page, which keeps ETags and tests stable), XFL = 0, OS = 3 (Unix).
constexpr unsigned char kGzipHeader[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

// A stored block holds at most 65,535 bytes (LEN is 16 bits, RFC 1951 section 3.2.4).
constexpr std::size_t kStoredBlockMax = 65535;
constexpr std::size_t kStoredHeaderSize = 5;

/// Owns a raw deflate stream (no zlib or gzip wrapper: the gzip framing is ours).
class Deflater {
 public:
  explicit Deflater(int level) {
    // windowBits -15: raw deflate with the full 32 KiB window; memLevel 8 is zlib's default.
    const int status =
        deflateInit2(&stream_, std::clamp(level, 1, 9), Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    if (status == Z_MEM_ERROR) throw std::bad_alloc();
    if (status != Z_OK) throw std::logic_error("deflateInit2 refused its parameters");
  }
  ~Deflater() { deflateEnd(&stream_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// Appends the compressed input to out, ending with flush (Z_FULL_FLUSH or Z_FINISH).
  void Compress(std::string_view input, int flush, std::string& out) {
    // avail_in is 32-bit: feed at most 1 GiB per call so that any chunk length works.
    constexpr std::size_t kMaxFeed = std::size_t{1} << 30;
    do {
      const std::size_t feed = std::min(input.size(), kMaxFeed);
      const bool last_feed = feed == input.size();
      stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
      stream_.avail_in = static_cast<uInt>(feed);
      const int mode = last_feed ? flush : Z_NO_FLUSH;
      int status = Z_OK;
      do {
        const std::size_t used = out.size();
        // deflateBound covers the data; the margin covers flush markers and the final block.
        out.resize(used + deflateBound(&stream_, stream_.avail_in) + 64);
        stream_.next_out = reinterpret_cast<Bytef*>(out.data() + used);
        stream_.avail_out = static_cast<uInt>(out.size() - used);
        status = deflate(&stream_, mode);
        out.resize(out.size() - stream_.avail_out);
        if (status == Z_STREAM_ERROR) throw std::logic_error("deflate: inconsistent stream state");
      } while (stream_.avail_out == 0 || stream_.avail_in != 0);
      if (mode == Z_FINISH && status != Z_STREAM_END) throw std::logic_error("deflate did not finish");
      input.remove_prefix(feed);
    } while (!input.empty());
  }

 private:
  z_stream stream_{};
};

void PutLittleEndian16(unsigned value, char* out) noexcept {
  out[0] = static_cast<char>(value & 0xff);
  out[1] = static_cast<char>((value >> 8) & 0xff);
}

GzipChunkCheck CheckOf(std::string_view chunk) {
  GzipChunkCheck check;
  check.crc =
      static_cast<std::uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(chunk.data()), chunk.size()));
  // Carrying a CRC over the chunk is linear over GF(2): its value on each nibble's 16 values defines it.
  const uLong operation = crc32_combine_gen(static_cast<z_off_t>(chunk.size()));
  for (std::size_t nibble = 0; nibble < check.shift.size(); ++nibble) {
    for (uLong value = 0; value < 16; ++value) {
      check.shift[nibble][value] =
          static_cast<std::uint32_t>(crc32_combine_op(value << (4 * nibble), 0, operation));
    }
  }
  return check;
}

}  // namespace

GzipChunks EncodeGzipChunks(std::span<const std::string_view> chunks, int level) {
  GzipChunks result;
  result.bytes.assign(reinterpret_cast<const char*>(kGzipHeader), sizeof kGzipHeader);
  result.ends.reserve(chunks.size());
  result.checks.reserve(chunks.size());
  Deflater deflater(level);
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    const std::string_view chunk = chunks[i];
    // Z_FULL_FLUSH ends on a byte boundary and resets the window, so the live bytes that will sit in the
    // cut are never the target of a back-reference the encoder could not have known about.
    deflater.Compress(chunk, i + 1 == chunks.size() ? Z_FINISH : Z_FULL_FLUSH, result.bytes);
    result.ends.push_back(result.bytes.size());
    result.checks.push_back(CheckOf(chunk));
    result.plain_size += chunk.size();
  }
  result.bytes.shrink_to_fit();
  return result;
}

std::size_t StoredBlocksSize(std::size_t size) noexcept {
  return size + (size + kStoredBlockMax - 1) / kStoredBlockMax * kStoredHeaderSize;
}

char* WriteStoredBlocks(std::string_view live, char* out) noexcept {
  while (!live.empty()) {
    const auto length = static_cast<unsigned>(std::min(live.size(), kStoredBlockMax));
    // BFINAL = 0 and BTYPE = 00 in the low three bits; the rest of the byte pads to the boundary.
    out[0] = 0;
    PutLittleEndian16(length, out + 1);
    PutLittleEndian16(~length & 0xffffu, out + 3);
    std::copy_n(live.data(), length, out + kStoredHeaderSize);
    out += kStoredHeaderSize + length;
    live.remove_prefix(length);
  }
  return out;
}

char* WriteGzipTrailer(std::uint32_t crc, std::uint64_t plain_size, char* out) noexcept {
  const auto isize = static_cast<std::uint32_t>(plain_size);  // RFC 1952: the input size modulo 2^32
  for (int i = 0; i < 4; ++i) {
    out[i] = static_cast<char>((crc >> (8 * i)) & 0xff);
    out[4 + i] = static_cast<char>((isize >> (8 * i)) & 0xff);
  }
  return out + kGzipTrailerSize;
}

std::uint32_t SplicedCrc(std::span<const GzipChunkCheck> checks,
                         std::span<const std::string_view> live) noexcept {
  std::uint32_t crc = 0;
  for (std::size_t i = 0; i < checks.size(); ++i) {
    crc = checks[i].Append(crc);
    // Live values are short: running the CRC over their bytes is cheaper than any combination.
    if (i < live.size()) {
      crc = static_cast<std::uint32_t>(
          crc32_z(crc, reinterpret_cast<const Bytef*>(live[i].data()), live[i].size()));
    }
  }
  return crc;
}

}  // namespace gazette::http::detail
