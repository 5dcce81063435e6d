#include "settings/secret_store.h"
