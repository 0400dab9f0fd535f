# SPDX-License-Identifier: MIT
# The layers of app/, enforced by the build. Each layer is a static library calm_NAME built from
# app/NAME/. It sees the headers of its own folder and of the layers it USES, and links only the
# outside LINKS it is given. The outside headers that sit in /usr/include, where every compile
# would find them, are shadowed for every other layer by a header that stops the build, so an
# include of <sqlite3.h> in a screen file, or of <SDL.h> in a store file, fails to compile.

# Outside headers and the one layer each belongs to.
set(CALM_LAYER_HEADERS
  "SDL.h:screen input sound"
  "SDL2/SDL.h:screen input sound"
  "SDL_ttf.h:screen"
  "SDL_image.h:screen"
  "xf86drm.h:screen"
  "xf86drmMode.h:screen"
  "sqlite3.h:store"
  "ini.h:settings"
  "gpiod.h:input"
  "systemd/sd-daemon.h:platform"
  "systemd/sd-bus.h:platform"
  "libintl.h:platform")

# Gives target the shadowing headers of every outside header its layer may not include.
function(calm_forbid target layer)
  set(dir ${CMAKE_BINARY_DIR}/layer-guards/${layer})
  file(REMOVE_RECURSE ${dir}) # a header the layer has since been given must not linger
  foreach(entry ${CALM_LAYER_HEADERS})
    string(REPLACE ":" ";" parts "${entry}")
    list(GET parts 0 header)
    list(GET parts 1 owners)
    string(REPLACE " " ";" owners "${owners}")
    if(NOT layer IN_LIST owners)
      list(JOIN owners ", app/" owners_text)
      file(WRITE ${dir}/${header}
        "#error \"<${header}> is not for app/${layer}: only app/${owners_text} may use it (see cmake/layers.cmake)\"\n")
    endif()
  endforeach()
  target_include_directories(${target} BEFORE PRIVATE ${dir})
endfunction()

# calm_layer(NAME SOURCES files... [USES layers...] [LINKS outside libraries...])
function(calm_layer name)
  cmake_parse_arguments(L "" "" "SOURCES;USES;LINKS" ${ARGN})
  add_library(calm_${name} STATIC ${L_SOURCES})
  target_include_directories(calm_${name} PUBLIC ${CMAKE_SOURCE_DIR}/app/${name})
  foreach(used ${L_USES})
    target_link_libraries(calm_${name} PUBLIC calm_${used})
  endforeach()
  if(L_LINKS)
    target_link_libraries(calm_${name} PRIVATE ${L_LINKS})
  endif()
  calm_forbid(calm_${name} ${name})
endfunction()
