# SPDX-License-Identifier: MIT
# The words on screen in other languages: each po/LANG.po (the languages listed in po/LINGUAS)
# is checked and compiled by msgfmt at build time into locale/LANG/LC_MESSAGES/calm-prompt.mo
# in the build tree, where a build-tree run finds it (beside the binary, like assets/), and is
# installed under share/locale.
find_program(MSGFMT msgfmt REQUIRED)

file(STRINGS ${CMAKE_SOURCE_DIR}/po/LINGUAS CALM_LINGUAS REGEX "^[^#]")
set(CALM_MO_FILES)
# calm_catalogue(LANG PO_FILE): checks and compiles one catalogue into the build tree.
function(calm_catalogue lang po)
  set(mo ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/calm-prompt.mo)
  add_custom_command(OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES
    COMMAND ${MSGFMT} --check --statistics -o ${mo} ${po}
    DEPENDS ${po}
    COMMENT "msgfmt ${lang}: "
    VERBATIM)
  set(CALM_MO_FILES ${CALM_MO_FILES} ${mo} PARENT_SCOPE)
endfunction()

foreach(lang ${CALM_LINGUAS})
  string(STRIP "${lang}" lang)
  calm_catalogue(${lang} ${CMAKE_SOURCE_DIR}/po/${lang}.po)
  install(FILES ${CMAKE_BINARY_DIR}/locale/${lang}/LC_MESSAGES/calm-prompt.mo
          DESTINATION ${CMAKE_INSTALL_LOCALEDIR}/${lang}/LC_MESSAGES)
endforeach()
add_custom_target(calm_catalogues ALL DEPENDS ${CALM_MO_FILES})
