#include "net/key_lint.h"
