# The engine links no file format and no GUI library. Run as
#   cmake -DCLOSURE=<file> -DBINARIES=<exe;exe> -P check_engine_link.cmake
# CLOSURE lists every library the engine targets link, written at configure time; BINARIES are
# engine test executables whose dynamic dependencies (ldd) are checked too.
set(forbidden "yaml|hdf5|HDF5|imgui|IMGUI|glfw|OpenGL|libGL")
file(STRINGS "${CLOSURE}" closure)
message(STATUS "engine links: ${closure}")
foreach(lib IN LISTS closure)
  if(lib MATCHES "${forbidden}")
    message(FATAL_ERROR "the engine links ${lib} (listed in ${CLOSURE})")
  endif()
endforeach()
foreach(binary IN LISTS BINARIES)
  execute_process(COMMAND ldd "${binary}" OUTPUT_VARIABLE deps RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ldd ${binary} failed")
  endif()
  if(deps MATCHES "(lib[^ ]*(${forbidden})[^ ]*)")
    message(FATAL_ERROR "${binary} loads ${CMAKE_MATCH_1}")
  endif()
  message(STATUS "${binary}: no file format or GUI library")
endforeach()
