# CPACK_POST_BUILD_SCRIPTS: CPack writes postinst and postrm scripts that call ldconfig into a package with
# shared libraries in /usr/lib. Debian runs ldconfig from a dpkg trigger instead (our `triggers` file,
# "activate-noawait ldconfig"), and lintian says so (maintscript-calls-ldconfig). Rebuilds the keywizard
# libkeywizardN .deb (CPACK_KEYWIZARD_LIB_PACKAGE) without those two scripts; nothing else in it changes.
find_program(DPKG_DEB dpkg-deb REQUIRED)
foreach(package IN LISTS CPACK_PACKAGE_FILES)
  get_filename_component(name "${package}" NAME)
  if(NOT name MATCHES "^${CPACK_KEYWIZARD_LIB_PACKAGE}_.*\\.deb$")
    continue()
  endif()
  set(tree "${package}.tree")
  file(REMOVE_RECURSE "${tree}")
  execute_process(COMMAND ${DPKG_DEB} --raw-extract "${package}" "${tree}" COMMAND_ERROR_IS_FATAL ANY)
  foreach(script postinst postrm)
    file(READ "${tree}/DEBIAN/${script}" text)
    if(NOT text MATCHES "ldconfig")
      message(FATAL_ERROR "${name}: ${script} is not CPack's ldconfig call:\n${text}")
    endif()
    file(REMOVE "${tree}/DEBIAN/${script}")
  endforeach()
  execute_process(COMMAND ${DPKG_DEB} --root-owner-group -Zxz --build "${tree}" "${package}"
                  OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
  file(REMOVE_RECURSE "${tree}")
endforeach()
