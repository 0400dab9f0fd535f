/* SPDX-License-Identifier: MIT */
/* calm-prompt log: the household's own look at its event log (stats, export, forget). */
#ifndef CALM_LOGCLI_H
#define CALM_LOGCLI_H

#include <stdio.h>

/* Runs "log SUBCOMMAND [OPTIONS]" (argv[0] is "log"), writing results to out and problems to
 * err. Returns the exit code: 0 done, 1 failed, 2 a usage error or a refused forget. */
int logcli_run(int argc, char **argv, FILE *out, FILE *err);

/* The service's log: systemd's StateDirectory=calm-prompt is always under /var/lib. */
#define LOGCLI_SERVICE_DB "/var/lib/calm-prompt/events.db"

/* The log a command reads when neither --db nor [log] database names one: the user's own
 * (own_path, where the app run by that user writes) when it is there, else the service's when
 * that one is (a device: run by hand with sudo, or by a member of the calm-prompt group),
 * else own_path (its absence is then what is reported). */
const char *logcli_default_db(const char *own_path, const char *service_path);

/* logcli_run on stdout and stderr. */
int logcli_main(int argc, char **argv);

#endif
