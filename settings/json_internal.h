#pragma once

// The one place settings/ includes nlohmann/json. Implicit conversions are off (set once, top-level
// CMakeLists.txt) so that every read of a
// field says which type it expects (`get<std::string>()`), and a wrong-typed field in a hand-edited file
// is noticed where it is read instead of throwing from a conversion nobody wrote.
#include <nlohmann/json.hpp>
