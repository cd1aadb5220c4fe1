# ctest package.find_package: installs the library's `development` component (library, headers,
# CMake package) into a fresh prefix under WORK_DIR, configures and builds tests/package against
# that prefix alone, and checks that its forecast equals the CLI's for the same scenario and
# model. Nothing of Entente's is rebuilt: the consumer compiles one file and links the
# installed library.
# -D: BUILD_DIR (Entente's build tree), SOURCE_DIR, WORK_DIR, ENTENTE (the CLI), CXX, GENERATOR.
set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/consumer)
file(REMOVE_RECURSE ${WORK_DIR})

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component development)
foreach(file ententeConfig.cmake ententeConfigVersion.cmake ententeTargets.cmake registry.hpp)
  file(GLOB_RECURSE found ${prefix}/*/${file})
  if(NOT found)
    message(FATAL_ERROR "the install left out ${file}")
  endif()
endforeach()

# Only the temporary prefix (and the system) is searched: a stale install elsewhere cannot
# stand in for this one.
run("configure" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/package -B ${consumer_build}
    -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run("build" ${CMAKE_COMMAND} --build ${consumer_build})

set(scenario ${SOURCE_DIR}/scenarios/us-rok-2021.yaml)
foreach(model compromise exchange)
  run("consumer" ${consumer_build}/consumer ${scenario} ${model})
  set(got "${run_output}")
  run("entente forecast" ${ENTENTE} forecast ${scenario} --model ${model} --format json --no-db)
  if(NOT got STREQUAL run_output)
    message(FATAL_ERROR "the consumer's ${model} forecast differs from the CLI's:\n"
                        "consumer:\n${got}\nentente forecast:\n${run_output}")
  endif()
endforeach()
message(STATUS "find_package(entente) from ${prefix}: built, forecasts equal the CLI's")
