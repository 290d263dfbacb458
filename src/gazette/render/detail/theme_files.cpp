#include "gazette/render/detail/theme_files.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

namespace gazette::render::detail {
namespace {

namespace fs = std::filesystem;

// Only these folders hold templates; anything else under templates/ (notes, backups) is not ours to load.
constexpr const char* kFolders[] = {"layouts", "pages", "partials"};
constexpr std::string_view kExtension = ".mustache";

Error FileError(const fs::path& path, std::string_view problem) {
  return MakeError(ErrorCode::kInvalid, path.string() + ": " + std::string(problem));
}

Result<std::string> ReadSmallFile(const fs::path& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return FileError(path, "cannot read template: " + ec.message());
  if (size > kMaxTemplateBytes) return FileError(path, "template is larger than 1 MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileError(path, "cannot open template");
  std::string source;
  source.reserve(static_cast<std::size_t>(size));
  source.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return FileError(path, "cannot read template");
  // The file may have grown between the size check and the read.
  if (source.size() > kMaxTemplateBytes) return FileError(path, "template is larger than 1 MiB");
  return source;
}

Status ReadFolder(const fs::path& templates_dir, const char* folder, TemplateFiles& files) {
  const fs::path dir = templates_dir / folder;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return OkStatus();
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (entry.path().extension() != kExtension) continue;
    std::error_code type_ec;
    if (!entry.is_regular_file(type_ec)) continue;
    auto source = ReadSmallFile(entry.path());
    if (!source.ok()) return std::move(source).error();
    const std::string name =
        entry.path().lexically_relative(templates_dir).replace_extension().generic_string();
    files.insert_or_assign(name, TemplateFile{entry.path(), std::move(source).value()});
  }
  if (ec) return FileError(dir, "cannot list templates: " + ec.message());
  return OkStatus();
}

}  // namespace

Result<TemplateFiles> ReadThemeTemplates(const std::vector<std::filesystem::path>& theme_roots) {
  TemplateFiles files;
  for (const fs::path& root : theme_roots) {
    const fs::path templates_dir = root / "templates";
    for (const char* folder : kFolders) {
      if (Status status = ReadFolder(templates_dir, folder, files); !status.ok())
        return std::move(status).error();
    }
  }
  return files;
}

}  // namespace gazette::render::detail
