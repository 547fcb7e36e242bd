# Finds every third-party dependency once, as imported targets. scripts/deps.sh installs them
# on Debian 12; README lists the macOS (Homebrew) and Windows (vcpkg) equivalents.

find_package(Qt6 6.4 REQUIRED COMPONENTS
    Core Gui Widgets Network Sql Test WebEngineWidgets Charts Svg
    PrintSupport TextToSpeech Multimedia LinguistTools)
qt_standard_project_setup()

find_package(OpenSSL 3.0 REQUIRED)
find_package(Qt6Keychain REQUIRED)
find_package(ZXing REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)

# libphonenumber ships neither a CMake package nor a pkg-config file on Debian.
find_path(PHONENUMBER_INCLUDE_DIR NAMES phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY NAMES phonenumber REQUIRED)
if(NOT TARGET PhoneNumber::PhoneNumber)
    add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
    set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
        IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}")
endif()
