# Where optimisation pays. The library's models and analyses are the hot code and keep the
# build type's flags (-O3 in Release). The front ends (CLI, server, Python bindings) are glue
# over it that spends its compile time instantiating CLI11, json and pybind11 templates: they
# are built for size, which cut their compile time by about a third (backtest_command.cpp
# 15.8 -> 11.3 s, bind_scenario.cpp 50.5 -> 34.1 s, g++ 12); their own run time was not
# measured apart: the loops that matter run in the library, which keeps -O3. The unit tests'
# own sources are not optimised at all (scenario_tree_test.cpp 23.8 -> 9.3 s); the code they
# test is the library's.
# Sanitizer builds keep their own flags.

# entente_thin(TARGET): a front end over the library, compiled with -Os in Release.
function(entente_thin target)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT ENTENTE_SANITIZE)
    target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:-Os>)
  endif()
endfunction()

# entente_unoptimised(TARGET): test sources, compiled with -O0 whatever the build type.
function(entente_unoptimised target)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND NOT ENTENTE_SANITIZE)
    target_compile_options(${target} PRIVATE -O0)
  endif()
endfunction()
