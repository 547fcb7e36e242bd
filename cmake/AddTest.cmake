# counterpay_add_test(<name> SOURCES <files...> LIBS <targets...> [DEFINITIONS <defs...>]
#                     [LABELS <labels...>] [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value...>])
#
# Builds one Qt Test executable and registers it with CTest. Every test runs headless
# (QT_QPA_PLATFORM=offscreen) with its own private XDG_RUNTIME_DIR and a default timeout,
# so a hung test fails instead of stalling CI. Fixture paths are passed as compile definitions:
# COUNTERPAY_TEST_DATA_DIR points at tests/data.
function(counterpay_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;DEFINITIONS;LABELS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES "${name}.cpp")
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()

    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE counterpay_options Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        COUNTERPAY_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        COUNTERPAY_BINARY_DIR="${PROJECT_BINARY_DIR}"
        ${ARG_DEFINITIONS})

    add_test(NAME ${name} COMMAND ${name})
    set(_runtime_dir "${CMAKE_CURRENT_BINARY_DIR}/xdg-runtime-${name}")
    file(MAKE_DIRECTORY "${_runtime_dir}")
    file(CHMOD "${_runtime_dir}" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${_runtime_dir};QTWEBENGINE_DISABLE_SANDBOX=1;COUNTERPAY_PLUGIN_PATH=${COUNTERPAY_PLUGIN_BUILD_DIR};${ARG_ENVIRONMENT}")
endfunction()
