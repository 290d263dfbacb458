#pragma once
/// The brotli side of SplicedEncoding: static chunks compressed once into one brotli stream (RFC 7932) cut
/// after each chunk, so that uncompressed meta-blocks can be placed in the cuts at serve time. Internal to
/// the http module.
///
/// Why the cut is exact, with libbrotli 1.0.9 (Debian 12), at quality 1 only:
/// - qualities 0 and 1 bypass the ring buffer: each input block goes to a fragment compressor
///   (compress_fragment[_two_pass].c) whose hash table is zeroed per call (GetHashTable), so a copy never
///   reaches before the block, and whose distances stay below 2^18 - 16, never above the bytes decoded so
///   far: none reads as a static-dictionary reference, whatever the live bytes' lengths;
/// - they reset their last distance per block, so they never use the decoder's distance cache before
///   setting it in the same meta-block (an uncompressed meta-block leaves that cache alone anyway);
/// - their meta-blocks have one block type and one literal tree (13 zero bits: NTREESL = 1), so the two
///   bytes before a meta-block, which select the literal context, choose nothing;
/// - BROTLI_OPERATION_FLUSH ends on a byte boundary (an empty metadata block pads it), where an
///   uncompressed meta-block may begin (RFC 7932 section 9.2).
/// Qualities 2 to 11 keep a window over the whole stream and code against the dictionary by stream
/// position: they cannot be cut this way (BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING does not change
/// that). The round-trip tests in spliced_encoding_test.cpp decode thousands of spliced bodies.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::http::detail {

struct BrotliChunks {
  std::string bytes;              ///< the encoded static pieces back to back
  std::vector<std::size_t> ends;  ///< ends[i]: where piece i ends (piece 0 holds the stream header)
};

/// The quality whose output can be cut (see above): the two-pass fragment compressor.
inline constexpr int kSpliceableBrotliQuality = 1;

/// Compresses chunks (at least one): one encoder, a flush after each chunk but the last, which finishes
/// the stream. Throws std::bad_alloc when the encoder cannot be made or runs out of memory.
BrotliChunks EncodeBrotliChunks(std::span<const std::string_view> chunks);

/// Bytes that WriteUncompressedMetaBlocks() writes for a live value of `size` bytes.
std::size_t UncompressedMetaBlocksSize(std::size_t size) noexcept;

/// Writes live as uncompressed meta-blocks of at most 65,536 bytes (ISLAST = 0, MNIBBLES = 4, MLEN - 1,
/// ISUNCOMPRESSED = 1, zero padding to the byte; nothing for an empty value, as MLEN cannot be 0).
char* WriteUncompressedMetaBlocks(std::string_view live, char* out) noexcept;

}  // namespace gazette::http::detail
