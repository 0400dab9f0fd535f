# SPDX-License-Identifier: MIT
# Installing the service and packaging it for Debian; included from the top CMakeLists.txt.
#
# cmake --install puts in place: the binary, the shipped assets under share/calm-prompt, the
# annotated default settings in /etc/calm-prompt (a conffile in the package), the systemd
# unit, its sysusers.d user, a udev rule (backlight and GPIO chips for the service's groups),
# a polkit rule (setting the time through systemd-timedated, nothing else) and the man page.
# The system folders come from systemd's pkg-config file, like libgpiod's gpio-manager does;
# each can be set (-DCALM_SYSTEMD_UNITDIR=...).

set(CALM_MAINTAINER_EMAIL "maintainers@calm-prompt.invalid" CACHE STRING
    "The address in the Debian package's Maintainer field and changelog")
find_program(CALM_GZIP gzip REQUIRED)
pkg_get_variable(calm_pc_unitdir systemd systemdsystemunitdir)
pkg_get_variable(calm_pc_sysusersdir systemd sysusersdir)
if(NOT calm_pc_unitdir)
  set(calm_pc_unitdir lib/systemd/system)
endif()
if(NOT calm_pc_sysusersdir)
  set(calm_pc_sysusersdir lib/sysusers.d)
endif()
# udev's rules live beside systemd's units: /lib/udev/rules.d on bookworm, /usr/lib/... later.
get_filename_component(calm_pc_udevdir "${calm_pc_unitdir}/../../udev/rules.d" ABSOLUTE
                       BASE_DIR "${CMAKE_INSTALL_PREFIX}")
set(CALM_SYSTEMD_UNITDIR "${calm_pc_unitdir}" CACHE PATH "Where the systemd unit goes")
set(CALM_SYSUSERSDIR "${calm_pc_sysusersdir}" CACHE PATH "Where the sysusers.d file goes")
set(CALM_UDEV_RULESDIR "${calm_pc_udevdir}" CACHE PATH "Where the udev rule goes")
# polkit reads packages' rules from /usr/share/polkit-1/rules.d (the admin's, in /etc, win).
set(CALM_POLKIT_RULESDIR "${CMAKE_INSTALL_DATADIR}/polkit-1/rules.d" CACHE PATH
    "Where the polkit rule goes (setting the time through systemd-timedated)")

set(CALM_SYSUSERS_FILE "${CALM_SYSUSERSDIR}/calm-prompt.conf")
configure_file(systemd/calm-prompt.service.in systemd/calm-prompt.service @ONLY)

# GNUInstallDirs gives /etc for a /usr prefix (the package), ${prefix}/etc otherwise; the app
# itself reads /etc/calm-prompt/calm-prompt.conf (or --config).
install(FILES assets/calm-prompt.conf DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/calm-prompt)
install(FILES ${CMAKE_BINARY_DIR}/systemd/calm-prompt.service DESTINATION ${CALM_SYSTEMD_UNITDIR})
install(FILES systemd/calm-prompt.sysusers.conf DESTINATION ${CALM_SYSUSERSDIR}
        RENAME calm-prompt.conf)
install(FILES systemd/60-calm-prompt.rules DESTINATION ${CALM_UDEV_RULESDIR})
install(FILES systemd/calm-prompt.polkit.rules DESTINATION ${CALM_POLKIT_RULESDIR}
        RENAME 60-calm-prompt.rules)

# The man page and the package's copyright and changelog, compressed as Debian expects.
set(calm_changelog "${CMAKE_BINARY_DIR}/docs/changelog")
string(TIMESTAMP calm_changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE "${calm_changelog}"
  "calm-prompt (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
  "  * Built from the calm-prompt source tree (CPack); see its history for changes.\n\n"
  " -- calm-prompt maintainers <${CALM_MAINTAINER_EMAIL}>  ${calm_changelog_date}\n")
add_custom_command(
  OUTPUT docs/calm-prompt.1.gz docs/changelog.gz
  COMMAND ${CALM_GZIP} -9nc ${CMAKE_SOURCE_DIR}/docs/calm-prompt.1 > docs/calm-prompt.1.gz
  COMMAND ${CALM_GZIP} -9nc ${calm_changelog} > docs/changelog.gz
  DEPENDS docs/calm-prompt.1 ${calm_changelog}
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
  COMMENT "Compressing the man page and the changelog")
add_custom_target(calm-docs ALL DEPENDS docs/calm-prompt.1.gz docs/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/docs/calm-prompt.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES docs/copyright ${CMAKE_BINARY_DIR}/docs/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# CPack: calm-prompt_VERSION+debN_ARCH.deb. Depends: what dpkg-shlibdeps finds the binary linked
# against, the font, systemd (units, sysusers) and procps (/bin/kill for ExecReload=). The
# maintainer scripts make the user and enable the service the way debhelper's do
# (packaging/debian/).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME calm-prompt)
# One package a Debian release, named apart: the libraries it is linked against (libgpiod2 or
# libgpiod3, SDL) are the release's own. +deb12 (bookworm, Raspberry Pi OS bookworm) sorts below
# +deb13 (trixie), so an upgrade of the system upgrades the package too. The release is the one
# the build sees in /etc/debian_version (a cross build uses the host's :arm64 libraries, of the
# same release); -DCALM_DEB_RELEASE=13 says it outright.
if(NOT DEFINED CALM_DEB_RELEASE AND EXISTS /etc/debian_version)
  file(STRINGS /etc/debian_version calm_debian_version LIMIT_COUNT 1)
  if(calm_debian_version MATCHES "^([0-9]+)")
    set(CALM_DEB_RELEASE ${CMAKE_MATCH_1})
  elseif(calm_debian_version MATCHES "^trixie")
    set(CALM_DEB_RELEASE 13)
  endif()
endif()
set(CALM_DEB_RELEASE "${CALM_DEB_RELEASE}" CACHE STRING "Debian release of the package's +debN")
if(CALM_DEB_RELEASE)
  set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION}+deb${CALM_DEB_RELEASE})
else()
  set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
endif()
set(CPACK_PACKAGE_CONTACT "calm-prompt maintainers <${CALM_MAINTAINER_EMAIL}>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "calm bedside display: breathing guides, connection prompts")
set(CPACK_PACKAGE_DESCRIPTION "A calm, phone-free object for a nightstand or a family shelf: a Raspberry
Pi with a small screen and one to three push buttons. A press guides a slow
breathing session, alone or side by side; a hold shows one small, concrete
way to connect with the person next to you. Left alone it is a quiet clock.
Every press is logged on the device. It runs as a systemd service on the
console (KMSDRM), with no desktop and no network.")
# The package installs where the build was configured for (the unit's ExecStart=, the assets'
# folder): configure with -DCMAKE_INSTALL_PREFIX=/usr for a .deb (tests/package/build-deb.sh).
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# SDL loads EGL and GL at run time for its console (KMSDRM) driver, so dpkg-shlibdeps cannot
# see them; without them the service cannot draw (found by the system test in a VM).
# Setting the clock from the buttons asks systemd-timedated over the system bus, allowed by
# the polkit rule the package ships: without polkitd (which brings the bus) timedated refuses
# the service's user, and a Debian root without it could never be set (found in the VM).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-dejavu-core, systemd, procps, polkitd, libegl1, libgles2, libgl1, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
if(CALM_DEB_ARCH)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${CALM_DEB_ARCH}) # a cross build (toolchain file)
endif()
file(WRITE "${CMAKE_BINARY_DIR}/packaging/conffiles"
     "${CMAKE_INSTALL_FULL_SYSCONFDIR}/calm-prompt/calm-prompt.conf\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  "${CMAKE_SOURCE_DIR}/packaging/debian/postinst;${CMAKE_SOURCE_DIR}/packaging/debian/prerm;${CMAKE_SOURCE_DIR}/packaging/debian/postrm;${CMAKE_BINARY_DIR}/packaging/conffiles")
include(CPack)
