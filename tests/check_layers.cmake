# ctest `layers`: fails, naming each line, when a file of wizard/ or cli/ includes a header of net/ or
# settings/ (they go through core/, core/rules.h).
#   cmake -DSOURCE_DIR=<repository> -P tests/check_layers.cmake
file(GLOB_RECURSE windows RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/wizard/*.cpp" "${SOURCE_DIR}/wizard/*.h"
     "${SOURCE_DIR}/cli/*.cpp" "${SOURCE_DIR}/cli/*.h")
set(crossings "")
foreach(file IN LISTS windows)
  file(STRINGS "${SOURCE_DIR}/${file}" lines REGEX "^#include \"(net|settings)/")
  foreach(line IN LISTS lines)
    string(APPEND crossings "\n  ${file}: ${line}")
  endforeach()
endforeach()
list(LENGTH windows count)
if(crossings)
  message(FATAL_ERROR "Above core, a file includes a layer below it (use core/rules.h):${crossings}")
endif()
message(STATUS "layers: none of the ${count} files of wizard/ and cli/ includes net/ or settings/")
