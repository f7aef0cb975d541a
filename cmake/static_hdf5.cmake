# HDF5's static archives in the command-line tools.
#
# Debian's shared HDF5 is built with the read-only S3 driver, so loading it
# loads libcurl and some 30 shared objects behind it (TLS, Kerberos, LDAP,
# SSH), relocated at every start of `score` although no results file is ever
# read from S3. The same package ships the static archives: linked from them,
# only the parts of HDF5 the tools call come in, and the linker (--as-needed)
# drops the shared objects nothing refers to. A one-replication `score run`
# starts some 5 ms of CPU sooner (docs/performance.md). Libraries and the
# Python module keep the shared HDF5; so do sanitizer builds (their leak
# suppressions name libhdf5_serial.so).
if(SCORE_SANITIZE OR SCORE_FUZZ_INSTRUMENT)
  set(score_static_hdf5_default OFF)
else()
  set(score_static_hdf5_default ON)
endif()
option(SCORE_STATIC_HDF5 "Link HDF5's static archives into score and score-bench" ${score_static_hdf5_default})

# score_link_static_hdf5(target lib...): the engine libraries of the target
# that call HDF5 (lib...), then the archives, so that the archives resolve
# what those libraries ask of HDF5 before the shared objects are reached
# (`ldd` of the tool then lists no libhdf5). Without the archives, nothing
# changes.
function(score_link_static_hdf5 target)
  if(NOT SCORE_STATIC_HDF5)
    return()
  endif()
  set(archives "")
  foreach(lib IN LISTS HDF5_HL_LIBRARIES HDF5_C_LIBRARIES)
    if(lib MATCHES "/libhdf5(_hl)?\\.so$")
      string(REGEX REPLACE "\\.so$" ".a" archive "${lib}")
      if(NOT EXISTS "${archive}")
        return()
      endif()
      list(APPEND archives "${archive}")
    endif()
  endforeach()
  if(archives)
    target_link_libraries(${target} PRIVATE ${ARGN} ${archives} ${HDF5_C_LIBRARIES})
    target_link_options(${target} PRIVATE LINKER:--as-needed)
  endif()
endfunction()
