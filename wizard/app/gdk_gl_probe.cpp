#include "wizard/app/gdk_gl_probe.h"

#include <cstdlib>

namespace keywizard::ui {

SkipGdkGlProbe::SkipGdkGlProbe() {
    // overwrite = 0: the person's own GDK_GL wins; set_here_ tells whether ours is the one in place.
    set_here_ = std::getenv("GDK_GL") == nullptr && setenv("GDK_GL", "disable", 0) == 0;
}

SkipGdkGlProbe::~SkipGdkGlProbe() {
    if (set_here_) {
        unsetenv("GDK_GL");
    }
}

}  // namespace keywizard::ui
