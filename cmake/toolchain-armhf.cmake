# SPDX-License-Identifier: MIT
# Cross-building for 32-bit Raspberry Pi OS (armhf) against a sysroot: Debian's armhf -dev
# packages unpacked by mmdebstrap --variant=extract (tests/cross/build.sh makes it), since the
# multiarch route can fail on a stale archive index. Tests run under qemu-arm.
# -DCALM_SYSROOT=DIR names the sysroot.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE arm-linux-gnueabihf)
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CALM_SYSROOT) # for CMake's own checks
if(NOT CALM_SYSROOT)
  message(FATAL_ERROR "toolchain-armhf.cmake needs -DCALM_SYSROOT=DIR (an armhf sysroot)")
endif()
set(CMAKE_SYSROOT ${CALM_SYSROOT})
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm-static;-L;${CALM_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# armhf bookworm has a 32-bit time_t and off_t by default. The 64-bit ones are asked for by
# CMakeLists.txt for every 32-bit target, as for a native build on a 32-bit Pi, and not here:
# this build is what proves that rule (wallclock.c refuses to compile with a 32-bit time_t).
# pkg-config sees only the sysroot's libraries, and prefixes its paths with the sysroot.
set(ENV{PKG_CONFIG_SYSROOT_DIR} ${CALM_SYSROOT})
set(ENV{PKG_CONFIG_LIBDIR}
    ${CALM_SYSROOT}/usr/lib/arm-linux-gnueabihf/pkgconfig:${CALM_SYSROOT}/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(CALM_DEB_ARCH armhf) # the Debian package's architecture (CPack)
