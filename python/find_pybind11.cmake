# Included by the root CMakeLists.txt before the engine, because of the
# position-independent code below.
#
# The interpreter: the system's python3, for which scripts/setup.sh installs
# numpy, pandas and xarray as Debian packages, unless the caller names one
# (-DPYTHON_EXECUTABLE=...). A python3 first on PATH (pyenv, a virtualenv)
# would otherwise be chosen and lack them.
if(SCORE_BUILD_PYTHON)
  if(NOT DEFINED PYTHON_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(PYTHON_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python interpreter the module is built for")
  endif()
  find_package(pybind11 CONFIG QUIET)
  if(pybind11_FOUND)
    # The module links the engine's static libraries into a shared object,
    # so their code must be position independent. -fno-semantic-interposition
    # lets the compiler keep inlining the engine's own functions as it does
    # in an executable.
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR CMAKE_CXX_COMPILER_ID MATCHES "Clang")
      add_compile_options(-fno-semantic-interposition)
    endif()
  else()
    message(STATUS "Python module skipped: needs pybind11 (scripts/setup.sh installs pybind11-dev)")
    set(SCORE_BUILD_PYTHON OFF)
  endif()
endif()
