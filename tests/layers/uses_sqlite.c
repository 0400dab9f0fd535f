/* SPDX-License-Identifier: MIT */
/* A file that opens the log: it compiles in app/store, and must not in app/screen. */
#include <sqlite3.h>

int layer_probe(void);
int layer_probe(void)
{
	return sqlite3_libversion_number() > 0;
}
