# One INTERFACE target carries the language standard, warnings and Qt's strictness macros.
# Every CounterPay target links counterpay_options; nothing uses directory-wide flags.

set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(counterpay_options INTERFACE)
add_library(CounterPay::options ALIAS counterpay_options)

target_compile_features(counterpay_options INTERFACE cxx_std_17)

target_compile_definitions(counterpay_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    COUNTERPAY_VERSION="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(counterpay_options INTERFACE /W4 /permissive- /utf-8)
    if(COUNTERPAY_WERROR)
        target_compile_options(counterpay_options INTERFACE /WX)
    endif()
else()
    target_compile_options(counterpay_options INTERFACE -Wall -Wextra -Wpedantic)
    if(COUNTERPAY_WERROR)
        target_compile_options(counterpay_options INTERFACE -Werror)
    endif()
    if(COUNTERPAY_SANITIZE)
        target_compile_options(counterpay_options INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(counterpay_options INTERFACE -fsanitize=address,undefined)
    endif()
endif()
