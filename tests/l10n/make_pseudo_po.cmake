# The pseudo-locale's catalog from po/keywizard.pot: every string run through pseudo_translate (accented,
# bracketed, 40 % longer), compiled with msgfmt --check like a real language (tests/l10n/CMakeLists.txt).
#   -DPOT= -DFILTER= -DWORK_DIR= -DMO= -DMSGINIT= -DMSGEN= -DMSGFILTER= -DMSGFMT=
cmake_minimum_required(VERSION 3.25)
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(mo_dir "${MO}" DIRECTORY)
file(MAKE_DIRECTORY "${mo_dir}")
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE failed)
  if(failed)
    list(JOIN ARGV " " command)
    message(FATAL_ERROR "failed: ${command}")
  endif()
endfunction()
# An English-shaped header (two plural forms, UTF-8), every msgstr a copy of its msgid, then the filter.
run(${MSGINIT} --no-translator --no-wrap --locale=en_US.UTF-8 --input=${POT} --output-file=${WORK_DIR}/en.po)
run(${MSGEN} --output-file=${WORK_DIR}/copied.po ${WORK_DIR}/en.po)
run(${MSGFILTER} --keep-header --input=${WORK_DIR}/copied.po --output-file=${WORK_DIR}/pseudo.po ${FILTER})
run(${MSGFMT} --check --output-file=${MO} ${WORK_DIR}/pseudo.po)
