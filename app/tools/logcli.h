/* SPDX-License-Identifier: MIT */
/* calm-prompt log: the household's own look at its event log (stats, export, forget). */
#ifndef CALM_LOGCLI_H
#define CALM_LOGCLI_H

#include <stdio.h>

/* Runs "log SUBCOMMAND [OPTIONS]" (argv[0] is "log"), writing results to out and problems to
 * err. Returns the exit code: 0 done, 1 failed, 2 a usage error or a refused forget. */
int logcli_run(int argc, char **argv, FILE *out, FILE *err);

/* logcli_run on stdout and stderr. */
int logcli_main(int argc, char **argv);

#endif
