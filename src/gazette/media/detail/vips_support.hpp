#pragma once
/// Private to the media module: libvips started once for the process, owners for what its C API hands
/// out, and loading by the type the module detected. Included only by the module's .cpp files, so that
/// the vips and glib headers stay out of every public header.

#include <vips/vips.h>

#include <memory>
#include <string_view>

#include "gazette/base/result.hpp"
#include "gazette/media/image_type.hpp"

namespace gazette::media::detail {

/// Starts libvips the first time it is called (thread-safe; later calls return the first answer), with
/// one worker thread per operation and no operation cache: uploads are few, each image is decoded once,
/// and the server's threads need the cores. Loaders marked untrusted by libvips are blocked.
/// kInternal when libvips cannot start.
Status StartVips();

struct UnrefGObject {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, UnrefGObject>;

struct FreeWithGlib {
  void operator()(void* memory) const { g_free(memory); }
};
using GlibBuffer = std::unique_ptr<void, FreeWithGlib>;

/// Opens bytes with the loader of type only (never a loader libvips would pick by sniffing), reading the
/// header and no pixels: decoding happens when pixels are asked for. Access is sequential (pixels stream
/// through in strips instead of the whole image being held) and any decoding error fails the operation
/// instead of producing a partly grey image. all_frames: an animation's frames stacked top to bottom
/// (GIF and WebP; ignored for the others). bytes must outlive the image. Null on failure (call ForgetError).
ImagePtr OpenLazily(std::string_view bytes, ImageType type, bool all_frames);

/// Clears libvips's process-wide error text after a failure, so that it does not grow; the text itself is
/// not shown to people (it mixes the errors of every thread).
void ForgetError();

}  // namespace gazette::media::detail
