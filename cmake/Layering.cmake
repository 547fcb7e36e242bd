# Enforces the layering of README's "Targets" table at configure time: every target built from
# src/ has a row here naming what it may link directly (counterpay_options is always allowed),
# and a link outside its row, or a target without a row, stops the configure with a message
# naming it. So layering cannot rot silently, and a new target cannot skip the check.
#
# Layer libraries, lowest first.
set(_allowed_counterpay_core        Qt6::Core PhoneNumber::PhoneNumber)
set(_allowed_counterpay_crypto      counterpay_core Qt6::Core OpenSSL::Crypto)
set(_allowed_counterpay_storage     counterpay_core counterpay_crypto Qt6::Core Qt6::Sql)
set(_allowed_counterpay_sandbox     counterpay_core counterpay_crypto Qt6::Core Qt6::Network)
set(_allowed_counterpay_gateway     counterpay_core counterpay_crypto Qt6::Core Qt6::Network Qt6Keychain::Qt6Keychain)
set(_allowed_counterpay_checkout    counterpay_core counterpay_storage counterpay_gateway Qt6::Core)
set(_allowed_counterpay_settings    counterpay_core Qt6::Core)
set(_allowed_counterpay_backoffice  counterpay_settings counterpay_core counterpay_crypto counterpay_storage
                                    counterpay_gateway counterpay_checkout Qt6::Core Qt6::Network
                                    Qt6Keychain::Qt6Keychain)
# Widgets: the cashier's window talks to the checkout (its Checkout interface) and knows nothing
# else below; the back office's reads its layer.
set(_allowed_counterpay_ui          counterpay_checkout counterpay_core Qt6::Widgets PkgConfig::QRENCODE)
set(_allowed_counterpay_backoffice_ui counterpay_backoffice counterpay_ui counterpay_core counterpay_storage
                                    Qt6::Widgets Qt6::Charts Qt6::PrintSupport)
set(_allowed_counterpay_webview     counterpay_ui Qt6::WebEngineWidgets)
# Optional plugins of the cashier's app.
set(_allowed_counterpay_webengine   counterpay_webview)
set(_allowed_counterpay_feedback    counterpay_ui Qt6::Multimedia Qt6::TextToSpeech)
set(_allowed_counterpay_print       Qt6::Widgets Qt6::PrintSupport)
# The app layer: wiring shared by the executables, the log file.
set(_allowed_counterpay_log         Qt6::Core counterpay_gateway)
set(_allowed_counterpay_appsupport  counterpay_checkout counterpay_gateway counterpay_storage counterpay_sandbox
                                    Qt6::Core Qt6::Network)
set(_allowed_counterpay_cli         counterpay_appsupport PkgConfig::QRENCODE)
# Executables.
set(_allowed_counterpay             counterpay_log counterpay_appsupport counterpay_ui counterpay_backoffice_ui
                                    counterpay_backoffice Qt6::Widgets)
set(_allowed_counterpay-cli         counterpay_cli)
set(_allowed_counterpay-sandbox     counterpay_sandbox Qt6::Core Qt6::Network)
# libFuzzer targets (COUNTERPAY_FUZZ), one per parser, named fuzz_<parser>.
set(_allowed_fuzz                   counterpay_gateway)

# The targets defined under `dir` and its subdirectories.
function(_counterpay_targets_under dir out)
    get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subdirs)
        _counterpay_targets_under("${sub}" more)
        list(APPEND targets ${more})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(counterpay_check_layering)
    _counterpay_targets_under("${PROJECT_SOURCE_DIR}/src" targets)
    set(checked 0)
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        # Custom commands (translations) and Qt's generated resource objects link nothing of ours.
        if(type STREQUAL "UTILITY" OR type STREQUAL "INTERFACE_LIBRARY"
           OR (type STREQUAL "OBJECT_LIBRARY" AND target MATCHES "_resources_[0-9]+$"))
            continue()
        endif()
        set(row _allowed_${target})
        if(target MATCHES "^fuzz_")
            set(row _allowed_fuzz)
        endif()
        if(NOT DEFINED ${row})
            message(FATAL_ERROR "Layering: ${target} has no row in cmake/Layering.cmake; add one "
                                "(and to README's Targets table) naming what it may link.")
        endif()
        math(EXPR checked "${checked} + 1")
        get_target_property(links ${target} LINK_LIBRARIES)
        if(NOT links)
            continue()
        endif()
        foreach(link IN LISTS links)
            # PRIVATE links of static libraries appear as $<LINK_ONLY:target>.
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
            if(link STREQUAL "counterpay_options" OR link IN_LIST ${row})
                continue()
            endif()
            message(FATAL_ERROR
                "Layering: ${target} links '${link}', which its row in cmake/Layering.cmake does "
                "not allow (allowed: ${${row}}).")
        endforeach()
    endforeach()
    message(STATUS "Layering: ${checked} targets checked against cmake/Layering.cmake")
endfunction()
