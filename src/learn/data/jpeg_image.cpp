#include "learn/data/jpeg_image.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
#include <memory>

namespace muxsim::learn {

namespace {

// libjpeg reports fatal errors through error_exit, which must not return; we longjmp back
// to read_jpeg and turn the message into an InputError there.
struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
  auto* err = reinterpret_cast<ErrorManager*>(info->err);
  info->err->format_message(info, err->message);
  std::longjmp(err->jump, 1);
}

// A corrupt-data warning (e.g. a truncated file) would otherwise yield grey pixels silently.
void on_warning(j_common_ptr info, int level) {
  if (level < 0) on_error(info);
}

} // namespace

RgbImage read_jpeg(const std::string& path) {
  require_regular_file(path);
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw InputError(path + ": cannot open the image");
  jpeg_decompress_struct info{};
  ErrorManager err{};
  info.err = jpeg_std_error(&err.base);
  err.base.error_exit = on_error;
  err.base.emit_message = on_warning;
  RgbImage image;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&info);
    throw InputError(path + ": not a readable JPEG (" + err.message + ")");
  }
  jpeg_create_decompress(&info);
  jpeg_stdio_src(&info, file.get());
  jpeg_read_header(&info, TRUE);
  // The header's size is checked before any pixel buffer is sized from it.
  if (static_cast<double>(info.image_width) * info.image_height > kMaxJpegPixels) {
    const std::string size =
        std::to_string(info.image_width) + "x" + std::to_string(info.image_height);
    jpeg_destroy_decompress(&info);
    throw InputError(path + ": the header claims " + size + " pixels, more than the " +
                     std::to_string(kMaxJpegPixels / 1000000) + " megapixels muxsim decodes");
  }
  info.out_color_space = JCS_RGB; // greyscale files come out as RGB too
  jpeg_start_decompress(&info);
  image.width = static_cast<int>(info.output_width);
  image.height = static_cast<int>(info.output_height);
  image.pixels.resize(static_cast<std::size_t>(image.width) * image.height * 3);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = &image.pixels[static_cast<std::size_t>(info.output_scanline) * image.width * 3];
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return image;
}

} // namespace muxsim::learn
