# The shipped calibration rebuilt in three shards (`entente calibrate --shard K/3`, then
# `entente merge`) is byte for byte the file in calibrations/: 5 models and 3 features on DEU I's
# 171 issues. Skips with a message when the training data is absent.
if(NOT EXISTS "${DATA}")
  message("SKIPPED: training data ${DATA} is absent (../shared not beside the checkout)")
  return()
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(parts)
foreach(k 1 2 3)
  # The settings the file records (its defaults but the setter), and its date.
  execute_process(COMMAND "${ENTENTE}" calibrate "${DATA}" --setter com --date 2026-12-07
                          --shard ${k}/3 -o "${WORK}/part-${k}.ent"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "calibrate --shard ${k}/3 failed (exit ${rc}): ${err}")
  endif()
  list(APPEND parts "${WORK}/part-${k}.ent")
endforeach()
execute_process(COMMAND "${ENTENTE}" merge ${parts} -o "${WORK}/merged.yaml"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "merge failed (exit ${rc}): ${err}")
endif()
file(READ "${WORK}/merged.yaml" merged)
file(READ "${CALIBRATION}" shipped)
if(NOT merged STREQUAL shipped)
  message(FATAL_ERROR "3 merged shards differ from ${CALIBRATION}; see ${WORK}/merged.yaml")
endif()
message("3 shards merged: ${CALIBRATION} byte for byte")
