# Included last by the top-level CMakeLists.txt: what makes keywizard a Linux desktop app when installed
# (menu entry, AppStream metadata, hicolor icons, man page, bash completion) and the three Debian packages
# CPack makes from this very build, nothing rebuilt (docs/packaging.md):
#   keywizard         the command, its windows' module, the translations, the desktop files above
#   libkeywizardN     the shared libraries, named after their SONAME (.so.N, N = KEYWIZARD_SOVERSION) as
#                     Debian policy wants, so two ABIs can be installed side by side; symbols and shlibs
#   libkeywizard-dev  headers, the .so links, the CMake package and the pkg-config files
# scripts/package runs it: cpack --config <build>/CPackConfig.cmake.
# Only in keywizard's own build with KEYWIZARD_WX and KEYWIZARD_INSTALL (the top-level CMakeLists.txt): in
# someone else's build there is no menu entry of ours among the host's files, and the host's CPack settings
# stay the host's.
include(GNUInstallDirs)

# The AppStream ID names the desktop file, the metainfo file and the icon: one name for all three, so
# software centres tie them together. The project has no published home yet: both URLs are where it
# would be on GitHub; a packager or the release sets them (-DKEYWIZARD_HOMEPAGE_URL=...).
set(KEYWIZARD_APPSTREAM_ID io.github.keywizard.keywizard)
if(NOT DEFINED KEYWIZARD_HOMEPAGE_URL)
  set(KEYWIZARD_HOMEPAGE_URL "https://github.com/keywizard/keywizard")
endif()
if(NOT DEFINED KEYWIZARD_SCREENSHOTS_URL)
  # docs/screenshots/ of the release's tag.
  set(KEYWIZARD_SCREENSHOTS_URL
      "https://raw.githubusercontent.com/keywizard/keywizard/v${PROJECT_VERSION}/docs/screenshots")
endif()
set(KEYWIZARD_MAINTAINER "keywizard maintainers <maintainers@users.noreply.r-seed-ed4f0c71.example>")
# The date of this version's <release> in the metainfo file; the Debian changelog says the same.
set(KEYWIZARD_RELEASE_DATE_RFC2822 "Mon, 07 Dec 2026 12:00:00 +0000")

set(desktop_dir ${CMAKE_CURRENT_BINARY_DIR}/desktop)
set(data_dir ${PROJECT_SOURCE_DIR}/data)

# ------------------------------------------------------------------------------ menu entry, AppStream
install(FILES ${data_dir}/${KEYWIZARD_APPSTREAM_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT keywizard_desktop)
configure_file(${data_dir}/${KEYWIZARD_APPSTREAM_ID}.metainfo.xml.in
               ${desktop_dir}/${KEYWIZARD_APPSTREAM_ID}.metainfo.xml @ONLY)
install(FILES ${desktop_dir}/${KEYWIZARD_APPSTREAM_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT keywizard_desktop)

# ---------------------------------------------------------------------------------- icons (hicolor)
# The scalable SVG as drawn, and PNGs rendered from it by the build for desktops that want bitmaps.
set(icon_svg ${PROJECT_SOURCE_DIR}/images/app_icon.svg)
install(FILES ${icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${KEYWIZARD_APPSTREAM_ID}.svg COMPONENT keywizard_desktop)
set(icon_pngs)
foreach(size 16 22 24 32 48 64 128 256)
  set(png ${desktop_dir}/icons/${size}x${size}/${KEYWIZARD_APPSTREAM_ID}.png)
  add_custom_command(OUTPUT ${png}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${desktop_dir}/icons/${size}x${size}
    COMMAND ${RSVG_CONVERT} --width=${size} --height=${size} --format=png --output=${png} ${icon_svg}
    DEPENDS ${icon_svg} VERBATIM)
  list(APPEND icon_pngs ${png})
  install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
          COMPONENT keywizard_desktop)
endforeach()

# ------------------------------------------------------------------------- man page, bash completion
# Compressed by the build (Debian wants man pages gzipped; -n keeps the file the same from build to build).
set(man_page ${desktop_dir}/keywizard.1.gz)
add_custom_command(OUTPUT ${man_page}
  COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/docs/man/keywizard.1 > ${man_page}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/keywizard.1 VERBATIM)
install(FILES ${man_page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT keywizard_desktop)
install(FILES ${PROJECT_SOURCE_DIR}/completions/keywizard.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME keywizard
        COMPONENT keywizard_desktop)

add_custom_target(keywizard_desktop_files ALL DEPENDS ${icon_pngs} ${man_page})

# ------------------------------------------------------------------- a host developer's documentation
# share/doc/keywizard/: what a host codes against and writes, in the keywizard package, which every kind of
# host has (the command for other languages; `keywizard wizard --content` to try a content file). The
# headers document themselves; these say the rest: the reason codes, the providers whose keys are recognised
# (reason wrong_provider), the content file and a sample of it.
install(FILES ${PROJECT_SOURCE_DIR}/docs/embedding.md ${PROJECT_SOURCE_DIR}/docs/reasons.md
              ${PROJECT_SOURCE_DIR}/docs/providers.md
              ${PROJECT_SOURCE_DIR}/docs/content_file.md ${PROJECT_SOURCE_DIR}/examples/content/writer-content.json
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT keywizard_desktop)
# The licence beside them in a `cmake --install`; not in the packages (a component CPack does not list),
# whose copyright files carry it as Debian wants (lintian: extra-license-file).
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT keywizard_license)

# ------------------------------------------------------------------------------------ Debian packages
set(KEYWIZARD_DEB_REVISION 1)
set(KEYWIZARD_DEB_VERSION ${PROJECT_VERSION}-${KEYWIZARD_DEB_REVISION})
# libkeywizard-core.so.1 -> libkeywizard1 (both libraries share the SONAME's number: library/CMakeLists.txt).
set(KEYWIZARD_LIB_PACKAGE libkeywizard${KEYWIZARD_SOVERSION})

# /usr/share/doc/<package>/: copyright and changelog.Debian.gz, which Debian requires of every package.
# EXCLUDE_FROM_ALL: only the packages get them, not a `cmake --install` into a prefix.
foreach(package keywizard ${KEYWIZARD_LIB_PACKAGE} libkeywizard-dev)
  if(package STREQUAL "keywizard")
    set(component keywizard_debian_doc)
  elseif(package STREQUAL KEYWIZARD_LIB_PACKAGE)
    set(component keywizard_debian_lib_doc)
  else()
    set(component keywizard_debian_dev_doc)
  endif()
  configure_file(${PROJECT_SOURCE_DIR}/cmake/packaging/changelog.Debian.in
                 ${CMAKE_CURRENT_BINARY_DIR}/debian/${package}/changelog.Debian @ONLY)
  set(changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/debian/${package}/changelog.Debian.gz)
  add_custom_command(OUTPUT ${changelog_gz}
    COMMAND gzip -9n -c ${CMAKE_CURRENT_BINARY_DIR}/debian/${package}/changelog.Debian > ${changelog_gz}
    DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/debian/${package}/changelog.Debian VERBATIM)
  list(APPEND debian_changelogs ${changelog_gz})
  install(FILES ${PROJECT_SOURCE_DIR}/cmake/packaging/copyright ${changelog_gz}
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component} EXCLUDE_FROM_ALL)
endforeach()
add_custom_target(keywizard_debian_changelogs ALL DEPENDS ${debian_changelogs})

# One package for the two libraries, named after the number they share: they are always built, released
# and bumped together (libkeywizard-wx needs the libkeywizard-core of its own build), which policy 8.1
# allows; lintian would rather see libkeywizard-core1 and libkeywizard-wx1.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/debian/${KEYWIZARD_LIB_PACKAGE}/lintian-overrides
  "# Both libraries share one SONAME number and one package (cmake/keywizard_packaging.cmake).\n"
  "${KEYWIZARD_LIB_PACKAGE}: package-name-doesnt-match-sonames *\n")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/debian/${KEYWIZARD_LIB_PACKAGE}/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME ${KEYWIZARD_LIB_PACKAGE}
        COMPONENT keywizard_debian_lib_doc EXCLUDE_FROM_ALL)

# Packages made from a build configured for /usr/local (the test build CI reuses) keep the libraries in
# /usr/lib, not Debian's multiarch /usr/lib/<triplet>; keywizard-wx.pc then carries wx-config's multiarch
# paths outside the multiarch directory. Right for this machine's architecture, which is all the package
# claims (no Multi-Arch field); a build configured with -DCMAKE_INSTALL_PREFIX=/usr has no such override.
if(CMAKE_LIBRARY_ARCHITECTURE AND NOT CMAKE_INSTALL_LIBDIR MATCHES "${CMAKE_LIBRARY_ARCHITECTURE}")
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/debian/libkeywizard-dev/lintian-overrides
    "# keywizard-wx.pc has wx-config's flags, which name ${CMAKE_LIBRARY_ARCHITECTURE}; the package is not
"
    "# Multi-Arch and installs into /usr/lib (docs/packaging.md).
"
    "libkeywizard-dev: pkg-config-multi-arch-wrong-dir full text contains architecture specific dir "
    "${CMAKE_LIBRARY_ARCHITECTURE} [usr/${CMAKE_INSTALL_LIBDIR}/pkgconfig/keywizard-wx.pc]\n")
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/debian/libkeywizard-dev/lintian-overrides
          DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME libkeywizard-dev
          COMPONENT keywizard_debian_dev_doc EXCLUDE_FROM_ALL)
endif()

# The Debian package name of a library file this machine has (dpkg -S): the dependencies of what is
# loaded with dlopen (dpkg-shlibdeps cannot see those) and of the -dev package, found by dpkg, not typed.
function(keywizard_debian_package_of file out_var)
  set(${out_var} "" PARENT_SCOPE)
  find_program(DPKG_QUERY dpkg-query)
  if(NOT DPKG_QUERY OR NOT EXISTS "${file}")
    return()
  endif()
  file(REAL_PATH "${file}" real_file)
  execute_process(COMMAND ${DPKG_QUERY} --search ${real_file} OUTPUT_VARIABLE owner
                  RESULT_VARIABLE status ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(status EQUAL 0)
    string(REGEX REPLACE ":.*" "" owner "${owner}")  # "libsecret-1-0:amd64: /usr/lib/..." -> the name
    set(${out_var} ${owner} PARENT_SCOPE)
  endif()
endfunction()

# settings/libsecret_api.cpp loads libsecret-1.so.0 when the keyring is first used.
find_library(KEYWIZARD_LIBSECRET_RUNTIME NAMES libsecret-1.so.0 PATHS ${LIBSECRET_LIBRARY_DIRS})
keywizard_debian_package_of("${KEYWIZARD_LIBSECRET_RUNTIME}" libsecret_package)
# net/libcurl_api.cpp loads libcurl.so.4 when the first URL is read or request sent (dpkg-shlibdeps sees
# neither library: they are not linked).
find_library(KEYWIZARD_LIBCURL_RUNTIME NAMES libcurl.so.4)
keywizard_debian_package_of("${KEYWIZARD_LIBCURL_RUNTIME}" libcurl_package)
# keywizard-wx.pc and find_package(keywizard COMPONENTS wx) need wxWidgets' headers and wx-config.
keywizard_debian_package_of("${wxWidgets_CONFIG_EXECUTABLE}" wx_dev_package)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME keywizard)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The keywizard maintainers")
set(CPACK_PACKAGE_CONTACT "${KEYWIZARD_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${KEYWIZARD_HOMEPAGE_URL}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
# The build's debug information stays in the build; the packages get stripped files.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
# A component each install() rule names, mapped to the package it belongs in. "Unspecified" is the rules
# without a COMPONENT: the keywizard command and its windows' module; keywizard_runtime is the translations
# (po/); keywizard_libraries the shared libraries (library/).
set(CPACK_COMPONENTS_ALL Unspecified keywizard_runtime keywizard_desktop keywizard_debian_doc
                         keywizard_libraries keywizard_debian_lib_doc
                         keywizard_development keywizard_debian_dev_doc)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # <name>_<version>-<revision>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE ${KEYWIZARD_DEB_REVISION})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KEYWIZARD_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps names the packages of every library the files link (Debian's real names, versioned).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libkeywizard-wx.so.1 links libkeywizard-core.so.1 from the same package.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR}/library)
# A shlibs file in libkeywizardN, so a host app's own package gets "Depends: libkeywizard1 (>= 0.3.0)" from
# dpkg-shlibdeps (tools that read the symbols file below get the version of each symbol the host uses).
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
# The control files below as Debian wants them (0644), whatever their mode in the source tree.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KEYWIZARD_PACKAGE_NAME keywizard)
set(CPACK_DEBIAN_KEYWIZARD_PACKAGE_SECTION utils)
set(loaded_when_used_packages ${libsecret_package} ${libcurl_package})
list(JOIN loaded_when_used_packages ", " loaded_when_used_packages)
# The command and its windows link the code statically and need no libkeywizardN; the dependency keeps
# what installing keywizard always gave, the libraries hosts link, and keeps the three at one version.
set(CPACK_DEBIAN_KEYWIZARD_PACKAGE_DEPENDS
    "${loaded_when_used_packages}, ${KEYWIZARD_LIB_PACKAGE} (= ${KEYWIZARD_DEB_VERSION})")
# The Secret Service that keeps the key; without one, keywizard offers a file readable only by the user.
set(CPACK_DEBIAN_KEYWIZARD_PACKAGE_RECOMMENDS "gnome-keyring")
# The first line is the synopsis; CPack indents the rest and turns an empty line into " .".
set(CPACK_DEBIAN_KEYWIZARD_DESCRIPTION "create, test and safely store an OpenAI API key
keywizard gets an OpenAI API key into a desktop app the right way. A wizard
walks you through creating an OpenAI account and an API key, with pictures of
every step. You paste the key, keywizard checks it against the API before it
saves anything, and stores it in your keyring (or, only if you choose so, in a
file readable by you alone).

The same command checks, saves, shows and removes keys without a display. The
libraries other desktop apps embed for their own first run, Test key button
and Help menu are in libkeywizard${KEYWIZARD_SOVERSION} (development files: libkeywizard-dev).")

set(CPACK_DEBIAN_LIBS_PACKAGE_NAME ${KEYWIZARD_LIB_PACKAGE})
set(CPACK_DEBIAN_LIBS_PACKAGE_SECTION libs)
# libkeywizard-core loads libsecret and libcurl itself, as the command does (dpkg-shlibdeps sees neither).
set(CPACK_DEBIAN_LIBS_PACKAGE_DEPENDS "${loaded_when_used_packages}")
# - symbols: every exported name with its version node and the first version that had it, committed and
#   checked against the build by scripts/check-package (scripts/update-symbols regenerates it);
# - triggers: the libraries in /usr/lib need ldconfig, run by a dpkg trigger as debhelper does. The postinst
#   and postrm that CPack writes to call ldconfig itself are taken out again after the build
#   (drop_ldconfig_scripts.cmake).
set(CPACK_DEBIAN_LIBS_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/cmake/packaging/symbols ${PROJECT_SOURCE_DIR}/cmake/packaging/triggers)
set(CPACK_POST_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/packaging/drop_ldconfig_scripts.cmake)
set(CPACK_DEBIAN_LIBS_DESCRIPTION "OpenAI API key setup for other apps - shared libraries
keywizard gets an OpenAI API key into a desktop app: a setup wizard, a key
check against the API, and storage in the keyring. This package has the
libraries other desktop apps embed for their own first run, Test key button
and Help menu: libkeywizard-core (no windows, no wxWidgets) and
libkeywizard-wx (the wizard and an API key panel).")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libkeywizard-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${KEYWIZARD_LIB_PACKAGE} (= ${KEYWIZARD_DEB_VERSION})")
# Only the wx part needs wxWidgets' headers; a host of <keywizard/core.h> alone does not.
set(CPACK_DEBIAN_DEV_PACKAGE_RECOMMENDS "${wx_dev_package}")
set(CPACK_DEBIAN_DEV_DESCRIPTION "OpenAI API key setup for other apps - development files
keywizard gets an OpenAI API key into a desktop app: a setup wizard, a key
check against the API, and storage in the keyring. With this package another
app builds on it: <keywizard/core.h> and libkeywizard-core (no windows, no
wxWidgets), <keywizard/wx.h> and libkeywizard-wx (the wizard and an API key
panel), the CMake package (find_package(keywizard)) and pkg-config files.")

include(CPack)
cpack_add_component_group(keywizard)
cpack_add_component_group(libs)
cpack_add_component_group(dev)
foreach(component Unspecified keywizard_runtime keywizard_desktop keywizard_debian_doc)
  cpack_add_component(${component} GROUP keywizard)
endforeach()
foreach(component keywizard_libraries keywizard_debian_lib_doc)
  cpack_add_component(${component} GROUP libs)
endforeach()
foreach(component keywizard_development keywizard_debian_dev_doc)
  cpack_add_component(${component} GROUP dev)
endforeach()
