# Warnings every Entente target compiles with. -Werror is opt-in (ENTENTE_WERROR) because
# g++ 12 emits false positives (-Wmaybe-uninitialized, -Wrestrict) inside libstdc++ at -O2.
option(ENTENTE_WERROR "Treat warnings as errors" OFF)
function(entente_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)  # clang (the fuzz build) lacks it
  endif()
  if(ENTENTE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(ENTENTE_DEV_CHECKS)
    target_compile_definitions(${target} PRIVATE ENTENTE_DEV_CHECKS=1)
  endif()
endfunction()
