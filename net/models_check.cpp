#include "net/models_check.h"
