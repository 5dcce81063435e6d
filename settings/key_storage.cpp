#include "settings/key_storage.h"
