# ctest po_files: msgfmt --check --statistics on every po/*.po. --check fails on a translation whose printf
# placeholders differ from the English (which would crash or garble output) and on a broken header
# (Plural-Forms); the statistics ("123 translated messages, 4 untranslated messages.") are printed for the
# record. Untranslated strings are not a failure here: the program shows English for them.
#   -DMSGFMT= -DPO_DIR=
cmake_minimum_required(VERSION 3.25)
file(GLOB po_files "${PO_DIR}/*.po")
if(NOT po_files)
  message(FATAL_ERROR "no .po files in ${PO_DIR}")
endif()
set(failures 0)
foreach(po IN LISTS po_files)
  execute_process(COMMAND ${MSGFMT} --check --statistics --output-file=/dev/null ${po}
                  RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE out)
  get_filename_component(name ${po} NAME)
  string(STRIP "${out}" out)
  message(STATUS "${name}: ${out}")
  if(failed)
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "${failures} .po file(s) failed msgfmt --check")
endif()
