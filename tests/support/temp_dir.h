#pragma once

#include <filesystem>
#include <string>

namespace keywizard::test {

// A private directory (mode 0700, from mkdtemp) under $TMPDIR or /tmp, removed with everything in it when
// the object goes. Every test that needs scratch files uses this one, so none leaks a directory or races
// another test for a fixed name.
class TempDir {
  public:
    // `purpose` becomes part of the name ("keywizard-<purpose>.XXXXXX") so a leftover says whose it was.
    explicit TempDir(const std::string& purpose = "test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace keywizard::test
