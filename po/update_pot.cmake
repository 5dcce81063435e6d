# Run by the keywizard-pot target (po/CMakeLists.txt): po/keywizard.pot from the sources' marked strings
# (xgettext) and the content file's words (content_pot.cmake), merged into one template.
#   -DXGETTEXT= -DMSGCAT= -DSOURCE_DIR= -DWORK_DIR= -DOUTPUT= -DVERSION=
cmake_minimum_required(VERSION 3.25)
file(MAKE_DIRECTORY "${WORK_DIR}")

# Every folder that holds words for a person; the list is relative, so the .pot names files the way a
# translator sees them in the repository.
set(folders cli core include net settings wizard)
set(sources "")
foreach(folder IN LISTS folders)
  file(GLOB_RECURSE found RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${folder}/*.cpp" "${SOURCE_DIR}/${folder}/*.h"
       "${SOURCE_DIR}/${folder}/*.def")
  list(APPEND sources ${found})
endforeach()
list(SORT sources)
list(JOIN sources "\n" source_lines)
file(WRITE "${WORK_DIR}/sources.txt" "${source_lines}\n")

# The keywords: _() and wxPLURAL() (wx), tr_utf8() (wizard/widgets/translate.h), N_() / wxTRANSLATE() for
# strings marked where they are defined and looked up later, KEYWIZARD_FORMAT(name, text) for the formats
# with fill-ins (net/outcome_messages.def, settings/message_formats.def), tr() and tr_plural()
# (cli/cli_text.h).
execute_process(
  COMMAND "${XGETTEXT}" --language=C++ --from-code=UTF-8 --directory=${SOURCE_DIR} --files-from=${WORK_DIR}/sources.txt
          --keyword=_ --keyword=tr_utf8 --keyword=wxPLURAL:1,2 --keyword=N_ --keyword=wxTRANSLATE --keyword=KEYWIZARD_FORMAT:2
          --keyword=wxGETTEXT_IN_CONTEXT:1c,2 --keyword=tr --keyword=tr_plural:1,2
          --add-comments=TRANSLATORS: --package-name=keywizard --package-version=${VERSION}
          --msgid-bugs-address=https://github.com/keywizard/keywizard/issues
          --output=${WORK_DIR}/code.pot
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "xgettext failed")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -DINPUT=${SOURCE_DIR}/images/wizard_content.json
          -DSOURCE_NAME=images/wizard_content.json -DOUTPUT=${WORK_DIR}/content.pot
          -P ${SOURCE_DIR}/po/content_pot.cmake
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "extracting the content file's words failed")
endif()
# --use-first: the header of code.pot (package, charset). A string in both keeps both references.
execute_process(
  COMMAND "${MSGCAT}" --use-first --output-file=${OUTPUT} ${WORK_DIR}/code.pot ${WORK_DIR}/content.pot
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "msgcat failed")
endif()
