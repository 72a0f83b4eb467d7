# alemsim_add_test(NAME name SOURCES ... LIBS ... [LABELS ...]): one GoogleTest binary registered with CTest.
function(alemsim_add_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  alemsim_warnings(${ARG_NAME})
  alemsim_include_root(${ARG_NAME} tests)
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBS} GTest::gtest_main)
  set(labels unit)
  if(ARG_LABELS)
    set(labels ${ARG_LABELS})
  endif()
  gtest_discover_tests(${ARG_NAME}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES LABELS "${labels}" ENVIRONMENT "ALEMSIM_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
