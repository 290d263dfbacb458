# Every third-party library comes from a Debian 12 package (scripts/install-deps); nothing is fetched.
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
# Boost 1.81 ships its own CMake package files; the FindBoost module of CMake 3.25 predates 1.81.
find_package(Boost 1.81.0 EXACT REQUIRED CONFIG COMPONENTS url json)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(ICU REQUIRED COMPONENTS i18n uc data)
find_package(ZLIB REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(BROTLI REQUIRED IMPORTED_TARGET libbrotlienc)
# The brotli decoder only for the tests that check what the encoder made (same package, libbrotli-dev).
pkg_check_modules(BROTLIDEC REQUIRED IMPORTED_TARGET libbrotlidec)
# libvips through its C API (vips/vips.h) only: the C++ binding (vips8) would add its headers' compile time
# to every file of the media module for no gain.
pkg_check_modules(VIPS REQUIRED IMPORTED_TARGET vips)
# cmark-gfm's extensions ship without a pkg-config file on Debian 12.
find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions REQUIRED)
target_link_libraries(PkgConfig::CMARK_GFM INTERFACE ${CMARK_GFM_EXTENSIONS_LIBRARY})
# Spdlog is used in compiled (not header-only) mode so that its templates are not rebuilt in every file.
