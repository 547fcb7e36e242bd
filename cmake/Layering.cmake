# Enforces ARCHITECTURE.md's arrows at configure time: each layer library may link only the
# layers below it and the third-party targets its row allows. A violation stops the build
# with a message naming the link, so layering cannot rot silently.
#
# Allowed direct links per layer (counterpay_options is always allowed).
set(_allowed_core      Qt6::Core PhoneNumber::PhoneNumber)
set(_allowed_crypto    counterpay_core Qt6::Core OpenSSL::Crypto)
set(_allowed_storage   counterpay_core counterpay_crypto Qt6::Core Qt6::Sql Qt6Keychain::Qt6Keychain)
set(_allowed_sandbox   counterpay_core counterpay_crypto Qt6::Core Qt6::Network Qt6::HttpServer)
set(_allowed_gateway   counterpay_core counterpay_crypto Qt6::Core Qt6::Network Qt6Keychain::Qt6Keychain)
set(_allowed_checkout  counterpay_core counterpay_crypto counterpay_storage counterpay_gateway
                       counterpay_sandbox Qt6::Core Qt6::Network)
set(_allowed_settings  counterpay_core Qt6::Core)
set(_allowed_backoffice counterpay_settings counterpay_core counterpay_crypto counterpay_storage counterpay_gateway counterpay_checkout Qt6::Core Qt6::Network Qt6Keychain::Qt6Keychain)

function(counterpay_check_layering)
    foreach(layer core crypto storage sandbox gateway checkout settings backoffice)
        set(target counterpay_${layer})
        if(NOT TARGET ${target})
            continue()
        endif()
        get_target_property(links ${target} LINK_LIBRARIES)
        if(NOT links)
            continue()
        endif()
        foreach(link IN LISTS links)
            # PRIVATE links of static libraries appear as $<LINK_ONLY:target>.
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
            if(link STREQUAL "counterpay_options" OR link IN_LIST _allowed_${layer})
                continue()
            endif()
            message(FATAL_ERROR
                "Layering: ${target} links '${link}', which ARCHITECTURE.md does not allow "
                "for the ${layer} layer (allowed: ${_allowed_${layer}}).")
        endforeach()
    endforeach()
endfunction()
