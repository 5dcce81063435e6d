# CPACK_POST_BUILD_SCRIPTS: CPack writes postinst and postrm scripts that call ldconfig into each package with
# shared objects (libkeywizardN, and keywizard for its windows' module in /usr/lib/keywizard). Debian runs
# ldconfig from a dpkg trigger instead (libkeywizardN's `triggers` file, "activate-noawait ldconfig"; the
# module is dlopen()ed by path and needs no ldconfig), and lintian says so (maintscript-calls-ldconfig).
# Rebuilds such a .deb without those two scripts; nothing else in it changes. A postinst or postrm that is
# not CPack's ldconfig call stops the build rather than being dropped.
find_program(DPKG_DEB dpkg-deb REQUIRED)
foreach(package IN LISTS CPACK_PACKAGE_FILES)
  get_filename_component(name "${package}" NAME)
  set(tree "${package}.tree")
  file(REMOVE_RECURSE "${tree}")
  execute_process(COMMAND ${DPKG_DEB} --raw-extract "${package}" "${tree}" COMMAND_ERROR_IS_FATAL ANY)
  set(dropped FALSE)
  foreach(script postinst postrm)
    if(NOT EXISTS "${tree}/DEBIAN/${script}")
      continue()
    endif()
    file(READ "${tree}/DEBIAN/${script}" text)
    if(NOT text MATCHES "ldconfig")
      message(FATAL_ERROR "${name}: ${script} is not CPack's ldconfig call:\n${text}")
    endif()
    file(REMOVE "${tree}/DEBIAN/${script}")
    set(dropped TRUE)
  endforeach()
  if(dropped)
    execute_process(COMMAND ${DPKG_DEB} --root-owner-group -Zxz --build "${tree}" "${package}"
                    OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
  endif()
  file(REMOVE_RECURSE "${tree}")
endforeach()
