# `entente calibrate --shard K/N` then `entente merge`: for N = 1, 2, 3, 7 the merged
# calibration file is byte for byte what one `entente calibrate` writes (units = training file
# x model option set, with a grid); parts of another calibration and a missing shard are
# refused with exit 2 and the file's name.
set(work "${WORK}")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")
set(run calibrate tests/data/backtest_small.yaml tests/data/bdm1994_ec_emissions.yaml
        --models compromise,median,eu --grid eu.q=0.5,1 --features status_quo,mean --folds 2
        --inner-folds 2 --bootstrap 200 --seed 9 --date 2026-12-07)

include(${CMAKE_CURRENT_LIST_DIR}/cli_steps.cmake)

entente(expected code ${run})
if(NOT code STREQUAL "0" OR NOT expected MATCHES "weights")
  message(FATAL_ERROR "one-machine calibrate failed (${code}): ${expected}${last_err}")
endif()

foreach(n 1 2 3 7)
  set(parts)
  foreach(k RANGE 1 ${n})
    expect_ok(${run} --shard ${k}/${n} -o ${work}/n${n}-part-${k}.ent)
    list(APPEND parts ${work}/n${n}-part-${k}.ent)
  endforeach()
  entente(merged code merge ${parts})
  if(NOT code STREQUAL "0" OR NOT merged STREQUAL expected)
    file(WRITE "${work}/n${n}.actual.yaml" "${merged}")
    file(WRITE "${work}/expected.yaml" "${expected}")
    message(FATAL_ERROR "merge of ${n} shards (exit ${code}) differs from calibrate; see "
                        "${work}/n${n}.actual.yaml\n${last_err}")
  endif()
  expect_ok(merge ${parts} -o ${work}/n${n}.yaml)
  file(READ ${work}/n${n}.yaml written)
  if(NOT written STREQUAL expected)
    message(FATAL_ERROR "merge -o ${work}/n${n}.yaml differs from calibrate's output")
  endif()
  message(STATUS "${n} shards: the calibration file is identical to one calibrate's")
endforeach()

set(p1 ${work}/n3-part-1.ent)
set(p2 ${work}/n3-part-2.ent)
set(p3 ${work}/n3-part-3.ent)
expect_refused("shard 2 is missing" merge ${p1} ${p3})
expect_refused("n3-part-1.ent.*shard 1/3 is also in" merge ${p1} ${p2} ${p3} ${p1})
string(REPLACE "--seed;9" "--seed;10" run_seed "${run}")
expect_ok(${run_seed} --shard 2/3 -o ${work}/seed-part-2.ent)
expect_refused("seed-part-2.ent.*seed 10 \\(not 9\\)" merge ${p1} ${work}/seed-part-2.ent ${p3})
string(REPLACE "--date;2026-12-07" "--date;2026-12-08" run_date "${run}")
expect_ok(${run_date} --shard 2/3 -o ${work}/date-part-2.ent)
expect_refused("date-part-2.ent.*same --date" merge ${p1} ${work}/date-part-2.ent ${p3})
expect_refused("--format does not apply to a calibration" merge ${p1} ${p2} ${p3} --format json)
expect_refused("--shard writes a partial result to a file; give -o" ${run} --shard 1/3)
