#include "net/check_outcome.h"
