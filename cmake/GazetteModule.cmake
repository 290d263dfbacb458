# gazette_module(NAME PUBLIC_DEPS ... PRIVATE_DEPS ...)
# One module = one static library gazette_NAME built from src/gazette/NAME/**/*.cpp, with unit tests
# tests/unit/NAME/*_test.cpp collected into one test binary. Headers are included as <gazette/NAME/x.hpp>.
function(gazette_module name)
  cmake_parse_arguments(ARG "" "" "PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  set(dir ${PROJECT_SOURCE_DIR}/src/gazette/${name})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  if(NOT sources)
    # A module may start as headers only; keep it a real library so the graph stays the same.
    set(stub ${CMAKE_CURRENT_BINARY_DIR}/generated/${name}_module.cpp)
    file(WRITE ${stub} "// Module ${name} has no sources yet.\n")
    set(sources ${stub})
  endif()
  add_library(gazette_${name} STATIC ${sources})
  target_include_directories(gazette_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(gazette_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} gazette_warnings)

  if(GAZETTE_TESTS)
    file(GLOB tests CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/unit/${name}/*_test.cpp)
    if(tests)
      add_executable(unit_${name} ${tests})
      target_link_libraries(unit_${name} PRIVATE gazette_${name} ${ARG_PRIVATE_DEPS} gazette_test_support
                                                 gazette_warnings GTest::gtest GTest::gmock GTest::gtest_main)
      gtest_discover_tests(unit_${name} DISCOVERY_MODE PRE_TEST
                           PROPERTIES LABELS unit ENVIRONMENT "GAZETTE_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
    endif()
  endif()
endfunction()
