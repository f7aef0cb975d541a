# A unity ("jumbo") build of the engine: each engine target compiles its
# sources in batches of SCORE_UNITY_BATCH files, one translation unit per
# batch, so the engine's own headers are parsed, and the templates they use
# compiled, once per batch instead of once per file. It takes the first build
# of `score` from about 490 CPU-seconds file by file to about 150 (README.md,
# docs/architecture.md, "Build"). Only the engine's targets: tests,
# benchmarks, the viewer and the Python module compile file by file either
# way.
#
# The Makefile turns it on (UNITY=ON); a plain `cmake -S . -B build` and the
# sanitizer builds keep the file-by-file build, which also proves that every
# source includes what it uses.
#
# In a batch, names in anonymous namespaces of different files share one
# translation unit, so they must differ; the files listed in
# score_unity_skipped below still repeat such names and compile on their own.
# Batches of 16 rather than 8 saved about 15 CPU-seconds of the build of
# `score`: fewer copies of the same inline code to optimise. Most of the
# time is spent optimising, not parsing: precompiled third-party headers
# (CMake's target_precompile_headers) were tried and saved about as much per
# batch as building the header cost, so there are none.
option(SCORE_UNITY_BUILD "Compile the engine's sources in batches (a unity build)" OFF)
set(SCORE_UNITY_BATCH 16 CACHE STRING "Sources per unity batch (SCORE_UNITY_BUILD)")

if(NOT SCORE_UNITY_BUILD)
  return()
endif()

# Every target defined in `dir` and the directories below it.
function(score_unity_targets dir out)
  get_property(found DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    score_unity_targets(${sub} below)
    list(APPEND found ${below})
  endforeach()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

score_unity_targets(${PROJECT_SOURCE_DIR}/engine score_engine_targets)
foreach(target IN LISTS score_engine_targets)
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "INTERFACE_LIBRARY")
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${SCORE_UNITY_BATCH})
  endif()
endforeach()

# The MPI drivers still share anonymous-namespace names (Tag, Coordinator):
# compiled on their own until those names are made specific.
set(score_unity_skipped
  cli/sweep_mpi.cpp
  cli/calibrate_mpi.cpp)
foreach(file IN LISTS score_unity_skipped)
  get_filename_component(dir ${PROJECT_SOURCE_DIR}/engine/${file} DIRECTORY)
  set_source_files_properties(${PROJECT_SOURCE_DIR}/engine/${file} DIRECTORY ${dir}
                              PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endforeach()
