#include "images/wizard_content.h"
