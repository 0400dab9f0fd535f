# SPDX-License-Identifier: MIT
# Cross-building for 64-bit Raspberry Pi OS (arm64) with Debian's cross toolchain and the
# :arm64 multiarch -dev packages (tests/cross/build-arm64.sh installs them). Tests run under
# qemu-user: there is no binfmt_misc here, so ctest starts each test binary through it.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# The loader and libc of the :arm64 packages, both from this machine's root (-L /): never the
# cross toolchain's loader in /usr/aarch64-linux-gnu beside the multiarch libc.so.6. Those two
# are different builds of glibc, and a program started with one and the other's libc spins for
# ever in its first pthread_create or in a forked child.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static;-L;/)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# pkg-config sees only the arm64 libraries (and the architecture-independent .pc files).
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(CALM_DEB_ARCH arm64) # the Debian package's architecture (CPack)
