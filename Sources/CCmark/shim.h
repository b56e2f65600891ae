// The libcmark C API (Debian: libcmark-dev), found through pkg-config.
// Only the Markdown module imports this.
#include <cmark.h>
