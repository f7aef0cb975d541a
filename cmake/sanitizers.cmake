# Sanitizer and fuzzing builds (docs/reliability.md).
#
#   SCORE_SANITIZE         "" (none), "address" (AddressSanitizer with
#                          UndefinedBehaviorSanitizer) or "thread"
#                          (ThreadSanitizer). Any other list of -fsanitize=
#                          names is passed through as given.
#   SCORE_FUZZ_INSTRUMENT  add libFuzzer's coverage instrumentation
#                          (-fsanitize=fuzzer-no-link) to everything, so that
#                          one build serves the sanitized tests and the
#                          fuzzers (clang only).
#
# The flags apply to every target of the build directory, libraries and
# tests alike: a sanitizer sees only the code it instrumented. Third-party
# libraries (oneTBB, HDF5, toml++, Open MPI) come from Debian uninstrumented;
# docs/reliability.md says what that leaves out.
set(SCORE_SANITIZE "" CACHE STRING "Sanitizers: address (ASan+UBSan), thread (TSan), or empty")
option(SCORE_FUZZ_INSTRUMENT "Instrument everything for libFuzzer (clang)" OFF)

if(SCORE_SANITIZE STREQUAL "address")
  set(score_sanitizers "address,undefined")
elseif(SCORE_SANITIZE STREQUAL "thread")
  set(score_sanitizers "thread")
else()
  set(score_sanitizers "${SCORE_SANITIZE}")
endif()

if(score_sanitizers)
  message(STATUS "score: sanitizers ${score_sanitizers}")
  add_compile_options(-fsanitize=${score_sanitizers} -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${score_sanitizers})
  if(score_sanitizers MATCHES "undefined")
    # A UB finding fails the test that triggered it instead of scrolling by.
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
endif()

if(SCORE_FUZZ_INSTRUMENT)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SCORE_FUZZ_INSTRUMENT needs clang (libFuzzer)")
  endif()
  # Coverage callbacks only: the sanitizer runtimes provide weak defaults for
  # them, so the tests and the score command link without libFuzzer; the
  # fuzzers add -fsanitize=fuzzer when they link (fuzz/CMakeLists.txt).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
