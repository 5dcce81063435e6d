#pragma once

namespace keywizard::ui {

// keywizard's windows draw with cairo only, yet GTK 3 on X11 probes OpenGL (GLX, through libepoxy) when it
// opens the display, which loads the GPU driver stack: Mesa and its LLVM, about 90 ms and 55 MiB before the
// first window on the test machine, for nothing. GDK_GL=disable skips the probe. GDK reads it once, when it
// opens the display, so this guard sets it around that moment only (wxApp::Initialize) and takes it out of
// the environment again: programs started from keywizard (the browser) do not inherit it. A GDK_GL the
// person set is left as it is.
class SkipGdkGlProbe {
  public:
    SkipGdkGlProbe();
    ~SkipGdkGlProbe();
    SkipGdkGlProbe(const SkipGdkGlProbe&) = delete;
    SkipGdkGlProbe& operator=(const SkipGdkGlProbe&) = delete;

  private:
    bool set_here_ = false;
};

}  // namespace keywizard::ui
