#include "gazette/media/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>  // mkstemp (POSIX)
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace gazette::media {

namespace {

constexpr mode_t kDirectoryMode = 0755;
constexpr mode_t kFileMode = 0644;

Error Unwritable(const std::filesystem::path& path, std::string_view doing, int error_number) {
  return MakeError(ErrorCode::kUnavailable, fmt::format("cannot {} {} ({}); check the disk space and the "
                                                        "permissions of the site's media directory",
                                                        doing, path.string(), std::strerror(error_number)));
}

/// Closes a descriptor when the scope ends, unless it was closed already.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  /// Closes now, returning close's errno (0 when fine): a failed close can mean the data never reached
  /// the disk.
  int Close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

int WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

/// Makes the rename itself durable: without it, a crash can lose the new directory entry.
int SyncDirectory(const std::filesystem::path& directory) {
  FileDescriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) return errno;
  if (::fsync(fd.get()) != 0) return errno;
  return fd.Close();
}

}  // namespace

Status EnsureDirectory(const std::filesystem::path& directory) {
  std::error_code ec;
  if (std::filesystem::is_directory(directory, ec)) return OkStatus();
  if (const auto parent = directory.parent_path(); !parent.empty() && parent != directory) {
    if (Status made = EnsureDirectory(parent); !made.ok()) return made;
  }
  if (::mkdir(directory.c_str(), kDirectoryMode) != 0 && errno != EEXIST) {
    return Unwritable(directory, "create the directory", errno);
  }
  // mkdir applies the umask; the mode is meant as said, so set it again.
  if (::chmod(directory.c_str(), kDirectoryMode) != 0) return Unwritable(directory, "set the mode of", errno);
  if (!std::filesystem::is_directory(directory, ec))
    return Unwritable(directory, "create the directory", ENOTDIR);
  return OkStatus();
}

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes) {
  const std::filesystem::path directory = path.parent_path();
  // A leading dot and no extension: never a name the library parses or serves, and easy to clean up.
  std::string temporary = (directory / ".upload-XXXXXX").string();
  FileDescriptor fd(::mkstemp(temporary.data()));
  if (fd.get() < 0) return Unwritable(directory, "create a file in", errno);

  const auto fail = [&](std::string_view doing, int error_number) -> Status {
    ::unlink(temporary.c_str());
    return Unwritable(path, doing, error_number);
  };
  // mkstemp makes the file 0600; images are read by whoever serves them.
  if (::fchmod(fd.get(), kFileMode) != 0) return fail("set the mode of", errno);
  if (const int e = WriteAll(fd.get(), bytes); e != 0) return fail("write", e);
  if (::fsync(fd.get()) != 0) return fail("flush", errno);
  if (const int e = fd.Close(); e != 0) return fail("write", e);
  if (::rename(temporary.c_str(), path.c_str()) != 0) return fail("write", errno);
  if (const int e = SyncDirectory(directory); e != 0) return Unwritable(path, "flush the directory of", e);
  return OkStatus();
}

}  // namespace gazette::media
