# `cmake --install` puts the library, its headers and a CMake package under the prefix, so that
# another project's find_package(entente) gives it entente::entente. All three are in the
# `development` component (`cmake --install build --component development` installs only
# them, without the CLI or the Python module).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ENTENTE_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/entente"
    CACHE STRING "Where ententeConfig.cmake is installed, relative to the prefix")

install(TARGETS entente EXPORT ententeTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/entente
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development)
install(EXPORT ententeTargets NAMESPACE entente:: DESTINATION ${ENTENTE_CMAKE_INSTALL_DIR}
        COMPONENT development)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ententeConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/ententeConfig.cmake
                              INSTALL_DESTINATION ${ENTENTE_CMAKE_INSTALL_DIR})
# 0.x: a minor version may break the API, so only the same major.minor is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ententeConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ententeConfig.cmake
              ${PROJECT_BINARY_DIR}/ententeConfigVersion.cmake
        DESTINATION ${ENTENTE_CMAKE_INSTALL_DIR} COMPONENT development)
