#include "gazette/media/media_limits.hpp"

namespace gazette::media {

Status CheckMediaLimits(const MediaLimits& limits) {
  if (limits.max_bytes == 0 || limits.max_pixels <= 0 || limits.max_side <= 0 || limits.max_frames <= 0) {
    return MakeError(ErrorCode::kInvalid,
                     "the media limits (upload size, pixels, side and frames) must all be positive");
  }
  return OkStatus();
}

}  // namespace gazette::media
