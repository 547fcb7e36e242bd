# Installers. The install() rules for everything a terminal needs (executables, desktop entry,
# AppStream metadata, icons, manual pages, licence texts, and on Windows / macOS the Qt and
# OpenSSL runtime), and CPack:
#   Linux    cpack -G DEB (Debian 12) and -G TGZ
#   Windows  cpack -G WIX (MSI for managed terminals) and -G ZIP
#   macOS    cpack -G DragNDrop (.dmg with counterpay.app)
# Assets live in packaging/{linux,windows,macos}. The version everywhere is project(VERSION).
# scripts/package-test.sh builds the DEB and checks it in a clean Debian 12 root.

include(GNUInstallDirs)

set(COUNTERPAY_APP_ID "io.github.counterpay.CounterPay")
# Release date of PROJECT_VERSION, for the AppStream <release> and the Debian changelog. Bump it
# together with project(VERSION).
set(COUNTERPAY_RELEASE_DATE "2026-11-22")
set(COUNTERPAY_PACKAGE_MAINTAINER "The CounterPay authors <maintainers@counterpay.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

set(_cp_assets "${PROJECT_SOURCE_DIR}/packaging")
set(_cp_out "${PROJECT_BINARY_DIR}/packaging")
file(MAKE_DIRECTORY "${_cp_out}")

# ---------------------------------------------------------------------------------------------
# Executables (all install rules for them live here).
if(APPLE)
    # The GUI is counterpay.app; the command-line tools go inside the bundle next to it so the
    # drag-and-drop copy carries them, and find Qt in the bundle's Frameworks.
    install(TARGETS counterpay BUNDLE DESTINATION . COMPONENT counterpay)
    install(TARGETS counterpay-sandbox RUNTIME DESTINATION counterpay.app/Contents/MacOS
        COMPONENT counterpay)
    install(PROGRAMS "$<TARGET_FILE:counterpay-cli>" DESTINATION counterpay.app/Contents/MacOS
        COMPONENT counterpay)
    set_target_properties(counterpay-cli counterpay-sandbox PROPERTIES
        INSTALL_RPATH "@executable_path/../Frameworks")
elseif(WIN32)
    install(TARGETS counterpay counterpay-cli counterpay-sandbox
        RUNTIME_DEPENDENCY_SET counterpay_runtime
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT counterpay)
else()
    install(TARGETS counterpay counterpay-cli counterpay-sandbox
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT counterpay)
endif()

# ---------------------------------------------------------------------------------------------
# Linux desktop integration (freedesktop): desktop entry, AppStream, hicolor icons, man pages,
# and the Debian doc directory. Translations need no rule: qt_add_translations compiles them
# into the executable (resource prefix /i18n).
if(UNIX AND NOT APPLE)
    install(FILES "${_cp_assets}/linux/${COUNTERPAY_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT counterpay)

    configure_file("${_cp_assets}/linux/${COUNTERPAY_APP_ID}.metainfo.xml.in"
        "${_cp_out}/${COUNTERPAY_APP_ID}.metainfo.xml" @ONLY)
    install(FILES "${_cp_out}/${COUNTERPAY_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" COMPONENT counterpay)

    foreach(_size IN ITEMS 16 24 32 48 64 128 256 512)
        install(FILES "${_cp_assets}/linux/icons/counterpay-${_size}.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps"
            RENAME counterpay.png COMPONENT counterpay)
    endforeach()
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/counterpay.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" COMPONENT counterpay)

    # Manual pages and the changelog are gzipped (-n: no name or time stamp, so the package is
    # reproducible) at configure time; editing a page re-runs the configure step.
    find_program(COUNTERPAY_GZIP gzip REQUIRED)
    function(_counterpay_gzip source output)
        set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${source}")
        execute_process(COMMAND "${COUNTERPAY_GZIP}" -9 -n -c "${source}"
            OUTPUT_FILE "${output}" RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
            message(FATAL_ERROR "gzip ${source} failed: ${_rc}")
        endif()
    endfunction()

    foreach(_page IN ITEMS counterpay counterpay-cli counterpay-sandbox)
        _counterpay_gzip("${_cp_assets}/linux/man/${_page}.1" "${_cp_out}/${_page}.1.gz")
        install(FILES "${_cp_out}/${_page}.1.gz"
            DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT counterpay)
    endforeach()

    # /usr/share/doc/counterpay: Debian wants the copyright file and a changelog there (named
    # changelog.gz: the version has no Debian revision, so this is a native package).
    file(WRITE "${_cp_out}/changelog" "counterpay (${PROJECT_VERSION}) stable; urgency=medium\n\n  * CounterPay ${PROJECT_VERSION}. See README.md in the source for what it does\n    and how it was tested.\n\n -- ${COUNTERPAY_PACKAGE_MAINTAINER}  ")
    # Debian's date format (RFC 5322), from the fixed release date so rebuilds are identical.
    execute_process(COMMAND date -u -R -d "${COUNTERPAY_RELEASE_DATE} 00:00:00"
        OUTPUT_VARIABLE _cp_rfcdate OUTPUT_STRIP_TRAILING_WHITESPACE)
    file(APPEND "${_cp_out}/changelog" "${_cp_rfcdate}\n")
    _counterpay_gzip("${_cp_out}/changelog" "${_cp_out}/changelog.gz")
    install(FILES "${_cp_assets}/linux/copyright" "${_cp_out}/changelog.gz"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/counterpay" COMPONENT counterpay)
endif()

# ---------------------------------------------------------------------------------------------
# Windows: version resource + icon in each .exe, a GUI (not console) subsystem for the cashier's
# window, the Qt runtime (windeployqt through Qt's deploy script), the other DLLs the programs
# link (libphonenumber, ZXing, libqrencode, QtKeychain, ICU, protobuf...), and OpenSSL, which
# Qt's TLS backend loads at run time.
if(WIN32)
    function(_counterpay_version_resource target description with_icon)
        set(COUNTERPAY_RC_NAME "${target}")
        set(COUNTERPAY_RC_FILENAME "${target}.exe")
        set(COUNTERPAY_RC_DESCRIPTION "${description}")
        set(COUNTERPAY_RC_ICON_LINE "")
        if(with_icon)
            set(COUNTERPAY_RC_ICON_LINE "IDI_ICON1 ICON \"${_cp_assets}/windows/counterpay.ico\"")
        endif()
        configure_file("${_cp_assets}/windows/version.rc.in" "${_cp_out}/${target}.rc" @ONLY)
        target_sources(${target} PRIVATE "${_cp_out}/${target}.rc")
    endfunction()
    _counterpay_version_resource(counterpay "CounterPay cashier terminal" TRUE)
    _counterpay_version_resource(counterpay-cli "CounterPay command line" TRUE)
    _counterpay_version_resource(counterpay-sandbox "CounterPay offline sandbox gateway" FALSE)
    set_target_properties(counterpay PROPERTIES WIN32_EXECUTABLE ON)

    # Where the DLLs of the imported libraries are: <prefix>/bin next to <prefix>/lib.
    set(_cp_dll_dirs "")
    foreach(_prefix IN LISTS CMAKE_PREFIX_PATH)
        list(APPEND _cp_dll_dirs "${_prefix}/bin")
    endforeach()
    if(DEFINED VCPKG_INSTALLED_DIR AND DEFINED VCPKG_TARGET_TRIPLET)
        list(APPEND _cp_dll_dirs "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin")
    endif()
    foreach(_lib IN ITEMS OpenSSL::Crypto OpenSSL::SSL ZXing::ZXing Qt6Keychain::Qt6Keychain
                          PhoneNumber::PhoneNumber)
        if(TARGET ${_lib})
            foreach(_prop IN ITEMS IMPORTED_LOCATION_RELEASE IMPORTED_LOCATION IMPORTED_IMPLIB_RELEASE
                                   IMPORTED_IMPLIB)
                get_target_property(_loc ${_lib} ${_prop})
                if(_loc)
                    get_filename_component(_dir "${_loc}" DIRECTORY)
                    list(APPEND _cp_dll_dirs "${_dir}" "${_dir}/../bin")
                endif()
            endforeach()
        endif()
    endforeach()
    list(REMOVE_DUPLICATES _cp_dll_dirs)

    # Qt's own DLLs and plugins come from windeployqt (below); everything else linked directly.
    # (Order checked with CMake 3.25: the regex and directory lists first, the artifact options
    # last; the other way round CMake rejects the regex keywords.)
    install(RUNTIME_DEPENDENCY_SET counterpay_runtime
        PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-" "^[Qq]t6" "^[Vv][Cc][Rr][Uu][Nn][Tt][Ii][Mm][Ee]"
                            "^[Mm][Ss][Vv][Cc][Pp]"
        POST_EXCLUDE_REGEXES ".*[/\\\\][Ss]ystem32[/\\\\].*" ".*[/\\\\][Ss]ys[Ww][Oo][Ww]64[/\\\\].*"
        DIRECTORIES ${_cp_dll_dirs}
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT counterpay)

    # OpenSSL: libcrypto-3-x64.dll and libssl-3-x64.dll (names of OpenSSL 3 on x64), found next to
    # the library CMake linked. Qt's TLS backend loads them by name from the program's folder.
    set(_cp_openssl_dlls "")
    foreach(_dir IN LISTS _cp_dll_dirs)
        file(GLOB _found "${_dir}/libcrypto-3*.dll" "${_dir}/libssl-3*.dll")
        list(APPEND _cp_openssl_dlls ${_found})
    endforeach()
    list(REMOVE_DUPLICATES _cp_openssl_dlls)
    if(_cp_openssl_dlls)
        install(FILES ${_cp_openssl_dlls} DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT counterpay)
    else()
        message(WARNING "OpenSSL DLLs (libcrypto-3*.dll, libssl-3*.dll) not found in: ${_cp_dll_dirs}. "
                        "The installer would have no HTTPS. Set OPENSSL_ROOT_DIR.")
    endif()

    # The Visual C++ runtime, for terminals that do not have it.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT counterpay)
    include(InstallRequiredSystemLibraries)

    install(FILES "${_cp_assets}/windows/license.txt" DESTINATION . COMPONENT counterpay)
endif()

# ---------------------------------------------------------------------------------------------
# macOS: counterpay.app with Info.plist from the template, the .icns, entitlements for signing.
if(APPLE)
    set_target_properties(counterpay PROPERTIES
        MACOSX_BUNDLE ON
        MACOSX_BUNDLE_INFO_PLIST "${_cp_assets}/macos/Info.plist.in"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${COUNTERPAY_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_NAME "CounterPay"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_INFO_STRING "CounterPay ${PROJECT_VERSION}"
        MACOSX_BUNDLE_COPYRIGHT "Copyright (C) The CounterPay authors"
        MACOSX_BUNDLE_ICON_FILE "counterpay.icns"
        XCODE_ATTRIBUTE_CODE_SIGN_ENTITLEMENTS "${_cp_assets}/macos/counterpay.entitlements"
        XCODE_ATTRIBUTE_ENABLE_HARDENED_RUNTIME YES)
    target_sources(counterpay PRIVATE "${_cp_assets}/macos/counterpay.icns")
    set_source_files_properties("${_cp_assets}/macos/counterpay.icns" TARGET_DIRECTORY counterpay
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
endif()

# ---------------------------------------------------------------------------------------------
# Qt runtime deployment (windeployqt / macdeployqt) through Qt's deploy support, at install
# time, so CPack's staging tree gets it too. The deployment tool only sees
# the Qt modules of the binaries it is given, and PrintSupport, WebEngine, Multimedia and
# TextToSpeech are linked by the window's optional plugins (counterpay_print,
# counterpay_webengine, counterpay_feedback), not by counterpay itself: so the plugins and the
# command-line tools are passed as well. On Linux the
# DEB depends on Debian's Qt packages instead.
if(APPLE)
    # The bundle is self-contained: the UI plugins go to Contents/PlugIns, where UiPluginLoader
    # looks (appDir/../PlugIns).
    set(_cp_plugin_dest "counterpay.app/Contents/PlugIns")
    set(_cp_deploy_exe "counterpay.app")
    set(_cp_deploy_tools "counterpay.app/Contents/MacOS/counterpay-cli"
                         "counterpay.app/Contents/MacOS/counterpay-sandbox")
else()
    set(_cp_plugin_dest "${COUNTERPAY_PLUGIN_INSTALL_DIR}")
    set(_cp_deploy_exe "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:counterpay>")
    set(_cp_deploy_tools "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:counterpay-cli>"
                         "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:counterpay-sandbox>")
endif()
set(_cp_deploy_modules "")
foreach(_plugin IN ITEMS counterpay_print counterpay_webengine counterpay_feedback)
    if(TARGET ${_plugin})
        list(APPEND _cp_deploy_modules "${_cp_plugin_dest}/$<TARGET_FILE_NAME:${_plugin}>")
        if(APPLE)
            install(TARGETS ${_plugin} LIBRARY DESTINATION "${_cp_plugin_dest}" COMPONENT counterpay)
        endif()
    endif()
endforeach()

# The script is written the way Qt's own qt_generate_deploy_app_script writes it (Qt 6.3+;
# find_package(Qt6) sets QT_DEPLOY_SUPPORT), so it works with Qt 6.4 (Debian, no
# qt_generate_deploy_script yet) and later alike. Paths are relative to the install prefix.
if((WIN32 OR APPLE) AND DEFINED QT_DEPLOY_SUPPORT)
    list(JOIN _cp_deploy_tools "\" \"" _cp_tools_args)
    set(_cp_modules_args "")
    if(_cp_deploy_modules)
        list(JOIN _cp_deploy_modules "\" \"" _cp_modules_joined)
        set(_cp_modules_args "ADDITIONAL_MODULES \"${_cp_modules_joined}\"")
    endif()
    file(GENERATE OUTPUT "${_cp_out}/deploy-qt-$<CONFIG>.cmake" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt6_deploy_runtime_dependencies(
    EXECUTABLE \"${_cp_deploy_exe}\"
    ADDITIONAL_EXECUTABLES \"${_cp_tools_args}\"
    ${_cp_modules_args}
    GENERATE_QT_CONF
    VERBOSE)
")
    install(SCRIPT "${_cp_out}/deploy-qt-$<CONFIG>.cmake" COMPONENT counterpay)
elseif(WIN32 OR APPLE)
    message(WARNING "Qt ${Qt6_VERSION} has no deployment support (needs 6.3): the installer will "
                    "not carry the Qt runtime. Run windeployqt/macdeployqt by hand.")
endif()

if(APPLE)
    # Signing must follow deployment (macdeployqt rewrites the binaries). Without an identity the
    # bundle is left as macdeployqt made it (ad-hoc signed); with one it is signed with the
    # hardened runtime, the embedded browser's helper first, as notarisation requires.
    set(COUNTERPAY_MACOS_SIGN_IDENTITY "" CACHE STRING
        "codesign identity for counterpay.app (e.g. 'Developer ID Application: ...'); empty: no signing")
    if(COUNTERPAY_MACOS_SIGN_IDENTITY)
        install(CODE "
            set(_app \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/counterpay.app\")
            set(_helper \"\${_app}/Contents/Frameworks/QtWebEngineCore.framework/Helpers/QtWebEngineProcess.app\")
            if(EXISTS \"\${_helper}\")
                execute_process(COMMAND codesign --force --timestamp --options runtime
                    --entitlements \"${_cp_assets}/macos/QtWebEngineProcess.entitlements\"
                    --sign \"${COUNTERPAY_MACOS_SIGN_IDENTITY}\" \"\${_helper}\" COMMAND_ERROR_IS_FATAL ANY)
            endif()
            foreach(_tool counterpay-cli counterpay-sandbox)
                execute_process(COMMAND codesign --force --timestamp --options runtime
                    --sign \"${COUNTERPAY_MACOS_SIGN_IDENTITY}\" \"\${_app}/Contents/MacOS/\${_tool}\"
                    COMMAND_ERROR_IS_FATAL ANY)
            endforeach()
            execute_process(COMMAND codesign --force --timestamp --options runtime
                --entitlements \"${_cp_assets}/macos/counterpay.entitlements\"
                --sign \"${COUNTERPAY_MACOS_SIGN_IDENTITY}\" \"\${_app}\" COMMAND_ERROR_IS_FATAL ANY)
        " COMPONENT counterpay)
    endif()
endif()

# ---------------------------------------------------------------------------------------------
# CPack
set(CPACK_PACKAGE_NAME "counterpay")
set(CPACK_PACKAGE_VENDOR "The CounterPay authors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "payment terminal for retail counters (UPI, wallets)")
# Lines of at most 72 characters: Debian shows them as they are. "." is an empty line.
set(CPACK_PACKAGE_DESCRIPTION
    "CounterPay takes payments at a retail counter: the cashier types an
amount and the customer's mobile number, CounterPay asks the payment
gateway (Juspay for Google Pay, CRED and wallets; Google Pay
Omnichannel; CM.com) to collect it, shows the payment page as a QR code
or in an embedded browser and follows the order until it is paid.
Every sale is written to a local SQLite ledger first and recovered
after a crash.
.
The package has the cashier's window (counterpay), a command-line tool
for scripts (counterpay-cli) and an offline sandbox gateway for
training (counterpay-sandbox).")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_CONTACT "${COUNTERPAY_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "CounterPay")
set(CPACK_PACKAGE_EXECUTABLES "counterpay" "CounterPay")
set(CPACK_CREATE_DESKTOP_LINKS "counterpay")
set(CPACK_RESOURCE_FILE_LICENSE "${_cp_assets}/windows/license.txt")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")

if(WIN32)
    set(CPACK_GENERATOR "WIX;ZIP")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

# Debian 12. dpkg-shlibdeps (package dpkg-dev) computes the libraries' packages; the rest are
# what shlibdeps cannot see because Qt loads it at run time.
set(CPACK_DEBIAN_PACKAGE_NAME "counterpay")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${COUNTERPAY_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(_cp_deb_runtime
    # the ledger: Qt's SQLite driver (plugin)
    "libqt6sql6-sqlite"
    # SVG icons: image-format and icon-engine plugins
    "libqt6svg6"
    # the embedded browser's helper process (QtWebEngineProcess) and its resources
    "libqt6webenginecore6-bin"
    "libqt6webengine6-data"
    # "Received ... rupees" on Paid (on by default for QR sales): the speech-dispatcher engine
    # plugin, the only one with a Hindi voice (through espeak-ng, recommended below)
    "qt6-speech-speechd-plugin"
    # gateway secrets: a Secret Service (or KWallet) provider on the session bus for QtKeychain
    "gnome-keyring | libkf5wallet-bin | keepassxc"
    # HTTPS to the gateways verifies against the system's CA store
    "ca-certificates")
list(JOIN _cp_deb_runtime ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# The X11 platform plugin is in libqt6gui6 (found by shlibdeps); qt6-wayland adds native Wayland.
# Qt Multimedia's FFmpeg and GStreamer back ends are in libqt6multimedia6 itself (shlibdeps);
# GStreamer's base elements serve the sound effects on desktops without FFmpeg codecs.
# Devanagari fonts render the Hindi interface.
# speech-dispatcher with espeak-ng speaks English and Hindi; without it the till stays silent.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "fonts-lohit-deva | fonts-noto-core, qt6-wayland, gstreamer1.0-plugins-base, speech-dispatcher-espeak-ng")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cups")

# WiX MSI. The upgrade code must never change: it is how Windows recognises an installed
# CounterPay to upgrade in place (the product code changes with every build).
set(CPACK_WIX_UPGRADE_GUID "CFAD6CC7-94D3-46C7-8525-9B80EE1899F1")
set(CPACK_WIX_PRODUCT_ICON "${_cp_assets}/windows/counterpay.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "CounterPay")
set(CPACK_WIX_ARCHITECTURE "x64")
set(CPACK_WIX_INSTALL_SCOPE "perMachine")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}/issues")
set(CPACK_WIX_PROPERTY_ARPCOMMENTS "${PROJECT_DESCRIPTION}")

# macOS disk image
set(CPACK_DMG_VOLUME_NAME "CounterPay ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")

include(CPack)
