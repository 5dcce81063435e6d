# ctest pot_up_to_date: po/keywizard.pot holds exactly the strings the sources and the content file have now,
# so translators see every new string. Fails with the strings missing on either side; the fix is
# `cmake --build build --target keywizard-pot` (then keywizard-po-update), docs/translations.md.
#   -DXGETTEXT= -DMSGCAT= -DMSGCMP= -DSOURCE_DIR= -DWORK_DIR=
cmake_minimum_required(VERSION 3.25)
execute_process(
  COMMAND ${CMAKE_COMMAND} -DXGETTEXT=${XGETTEXT} -DMSGCAT=${MSGCAT} -DSOURCE_DIR=${SOURCE_DIR}
          -DWORK_DIR=${WORK_DIR} -DOUTPUT=${WORK_DIR}/fresh.pot -DVERSION=0 -P ${SOURCE_DIR}/po/update_pot.cmake
  RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "extracting the strings failed")
endif()
set(committed ${SOURCE_DIR}/po/keywizard.pot)
# msgcmp DEF REF: every msgid of REF must be in DEF. Both ways: nothing new is missing, nothing gone remains.
execute_process(COMMAND ${MSGCMP} --use-untranslated ${committed} ${WORK_DIR}/fresh.pot RESULT_VARIABLE missing)
execute_process(COMMAND ${MSGCMP} --use-untranslated ${WORK_DIR}/fresh.pot ${committed} RESULT_VARIABLE stale)
if(missing OR stale)
  message(FATAL_ERROR "po/keywizard.pot is out of date (above: the strings that differ); run "
                      "cmake --build <build> --target keywizard-pot keywizard-po-update")
endif()
