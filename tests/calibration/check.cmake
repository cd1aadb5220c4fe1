# Rebuilds the shipped calibration from ../shared and compares it byte for byte
# (`entente calibrate --check`). Skips with a message when the training data is absent.
if(NOT EXISTS "${DATA}")
  message("SKIPPED: training data ${DATA} is absent (../shared not beside the checkout)")
  return()
endif()
execute_process(COMMAND "${ENTENTE}" calibrate --check "${CALIBRATION}" "${DATA}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "calibration ${CALIBRATION} does not rebuild byte for byte (exit ${rc})")
endif()
