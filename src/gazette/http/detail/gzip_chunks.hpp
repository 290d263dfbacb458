#pragma once
/// The gzip side of SplicedEncoding: static chunks compressed once into one gzip member (RFC 1952) whose
/// deflate stream (RFC 1951) is cut after each chunk, so that stored blocks can be placed in the cuts at
/// serve time. Internal to the http module.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::http::detail {

/// What the trailer needs of one static chunk: its CRC-32, and the linear map that carries a CRC over the
/// chunk's length (zlib's crc32_combine_op with crc32_combine_gen's operator) tabulated on each of the CRC's
/// eight nibbles. zlib applies that map bit by bit with unpredictable branches (about 50 ns a chunk here);
/// the tables make it eight lookups (under 10 ns), for 512 bytes a chunk.
struct GzipChunkCheck {
  std::uint32_t crc = 0;
  std::array<std::array<std::uint32_t, 16>, 8> shift{};  ///< shift[n][v]: the image of v in nibble n

  /// The CRC of (bytes whose CRC is `before`) followed by this chunk.
  std::uint32_t Append(std::uint32_t before) const noexcept {
    std::uint32_t after = crc;
    for (std::size_t nibble = 0; nibble < shift.size(); ++nibble) {
      after ^= shift[nibble][(before >> (4 * nibble)) & 0xfu];
    }
    return after;
  }
};

struct GzipChunks {
  std::string bytes;              ///< the encoded static pieces back to back
  std::vector<std::size_t> ends;  ///< ends[i]: where piece i ends in bytes (piece 0 holds the gzip header)
  std::vector<GzipChunkCheck> checks;
  std::uint64_t plain_size = 0;  ///< sum of the chunks' lengths
};

/// Compresses chunks (at least one) at zlib level (clamped to 1..9). Each piece but the last ends with a
/// full flush: byte-aligned, and nothing after it refers back across the cut. The last ends the deflate
/// stream (its final block); the 8-byte trailer is per request. Throws std::bad_alloc when zlib is out
/// of memory.
GzipChunks EncodeGzipChunks(std::span<const std::string_view> chunks, int level);

/// Bytes that WriteStoredBlocks() writes for a live value of `size` bytes.
std::size_t StoredBlocksSize(std::size_t size) noexcept;

/// Writes live as non-final stored deflate blocks (BTYPE 00, LEN/NLEN, at most 65,535 bytes each; nothing
/// for an empty value) at a byte boundary; returns the end of what it wrote.
char* WriteStoredBlocks(std::string_view live, char* out) noexcept;

inline constexpr std::size_t kGzipTrailerSize = 8;

/// Writes the gzip trailer: CRC-32 and ISIZE (the length mod 2^32), both little-endian.
char* WriteGzipTrailer(std::uint32_t crc, std::uint64_t plain_size, char* out) noexcept;

/// The CRC-32 of the spliced body: the chunks' CRCs combined with live[i]'s between chunk i and i+1.
/// Precondition: live.size() < checks.size(); a missing value counts as empty.
std::uint32_t SplicedCrc(std::span<const GzipChunkCheck> checks,
                         std::span<const std::string_view> live) noexcept;

}  // namespace gazette::http::detail
