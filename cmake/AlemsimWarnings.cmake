# alemsim_warnings(target): the warning set every alemsim target compiles with.
function(alemsim_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
endfunction()
