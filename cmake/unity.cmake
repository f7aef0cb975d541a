# A unity ("jumbo") build of the engine: each engine target compiles its
# sources in batches of SCORE_UNITY_BATCH files, one translation unit per
# batch, so the standard library, oneTBB, HDF5 and the engine's own headers
# are parsed once per batch instead of once per file. It roughly halves the
# first build of `score` on two cores (README.md, "Building"). Only the
# engine's targets: tests, benchmarks, the viewer and the Python module compile
# file by file either way.
#
# The Makefile turns it on (UNITY=ON); a plain `cmake -S . -B build` and the
# sanitizer builds keep the file-by-file build, which also proves that every
# source includes what it uses.
#
# In a batch, names in anonymous namespaces of different files share one
# translation unit, so they must differ; the files listed in
# score_unity_skipped below still repeat such names and compile on their own.
option(SCORE_UNITY_BUILD "Compile the engine's sources in batches (a unity build)" OFF)
set(SCORE_UNITY_BATCH 8 CACHE STRING "Sources per unity batch (SCORE_UNITY_BUILD)")

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

# Sources that still share anonymous-namespace names with a neighbour
# (kCatalogue, flow/stock/ratio; the MPI drivers' Tag and Coordinator):
# compiled on their own until their names are made specific.
set(score_unity_skipped
  sim/metrics.cpp
  sim/summary.cpp
  cli/phase_table.cpp
  cli/compare_command.cpp
  cli/sweep_mpi.cpp
  cli/calibrate_mpi.cpp
  output/info.cpp
  session/compare.cpp
  sweep/sweep_analysis.cpp)
foreach(file IN LISTS score_unity_skipped)
  get_filename_component(dir ${PROJECT_SOURCE_DIR}/engine/${file} DIRECTORY)
  set_source_files_properties(${PROJECT_SOURCE_DIR}/engine/${file} DIRECTORY ${dir}
                              PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endforeach()
