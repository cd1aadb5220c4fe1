# Runs every `entente ...` command of README.md's code blocks that reads examples/ (the commands
# that must work from a fresh clone), in a scratch folder holding a copy of examples/, and fails
# on any exit code but 0. Commands naming ../shared are left to the tests that read it.
file(READ "${SOURCE_DIR}/README.md" readme)
# ';' would split CMake lists: no command uses one, so comments lose theirs.
string(REPLACE ";" " " readme "${readme}")
string(REGEX MATCHALL "\nentente [^\n]*" lines "${readme}")
set(work "${WORK}")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")
file(COPY "${SOURCE_DIR}/examples" DESTINATION "${work}")
# A sweep file of examples/ names its scenario in scenarios/.
file(COPY "${SOURCE_DIR}/scenarios" DESTINATION "${work}")
set(ENV{ENTENTE_DB} "${work}/runs.db")
set(count 0)
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  if(NOT line MATCHES "examples/" OR line MATCHES "\\.\\./shared")
    continue()
  endif()
  string(REGEX REPLACE "[ ]+#.*$" "" command "${line}")
  string(REGEX REPLACE "^entente " "" args_text "${command}")
  separate_arguments(args UNIX_COMMAND "${args_text}")
  execute_process(COMMAND ${ENTENTE} ${args} WORKING_DIRECTORY "${work}"
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  if(NOT code STREQUAL "0")
    message(FATAL_ERROR "README command failed (exit ${code}): ${command}\n${out}${err}")
  endif()
  message(STATUS "ok: ${command}")
  math(EXPR count "${count} + 1")
endforeach()
# The README shows at least these: a forecast of the sheet and of the Decide file, a backtest,
# two conversions. Fewer means the parsing above lost some.
if(count LESS 5)
  message(FATAL_ERROR "found ${count} README commands reading examples/, expected at least 5")
endif()
