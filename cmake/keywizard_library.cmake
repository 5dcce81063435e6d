# Included by the top-level CMakeLists.txt: the shared libraries hosts link (library/), their installed
# CMake and pkg-config packages, and the examples built on them.
add_subdirectory(library)

# The demo host on the public headers only. Off when keywizard is a subproject (add_subdirectory,
# FetchContent) of someone else's build.
option(KEYWIZARD_EXAMPLES "Build examples/host_app with the project" ${PROJECT_IS_TOP_LEVEL})
if(KEYWIZARD_EXAMPLES AND TARGET keywizard::wx)
  add_subdirectory(examples/host_app)
endif()
