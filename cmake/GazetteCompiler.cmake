# Warnings, sanitizers and ccache for every Gazette target.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

add_library(gazette_warnings INTERFACE)
target_compile_options(gazette_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 at -O2 and above reports -Wrestrict on ordinary std::string concatenation inlined from
  # libstdc++ (GCC bug 105329, fixed in 13): a false positive that would stop the -Werror Release build.
  target_compile_options(gazette_warnings INTERFACE -Wno-restrict)
endif()
if(GAZETTE_WERROR)
  target_compile_options(gazette_warnings INTERFACE -Werror)
endif()

if(GAZETTE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
