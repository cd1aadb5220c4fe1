# Steps shared by the golden scripts that run the CLI several times (shards, merges, sweeps):
# include() it after setting ENTENTE and SOURCE_DIR.

# Runs `entente ARGN` in the source folder: stdout into out_var, the exit code into code_var,
# stderr into last_err (in the caller's scope).
function(entente out_var code_var)
  execute_process(COMMAND ${ENTENTE} ${ARGN} WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  set(${out_var} "${out}" PARENT_SCOPE)
  set(${code_var} "${code}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()

# Fails the test unless `entente ARGN` exits 0.
function(expect_ok)
  entente(out code ${ARGN})
  if(NOT code STREQUAL "0")
    message(FATAL_ERROR "exit ${code}: entente ${ARGN}\n${out}${last_err}")
  endif()
endfunction()

# Fails the test unless `entente ARGN` exits 2 with an error matching `needle`.
function(expect_refused needle)
  entente(out code ${ARGN})
  if(NOT code STREQUAL "2" OR NOT last_err MATCHES "${needle}")
    message(FATAL_ERROR "expected exit 2 and '${needle}', got ${code}: entente ${ARGN}\n${out}${last_err}")
  endif()
  message(STATUS "refused as expected: ${last_err}")
endfunction()
