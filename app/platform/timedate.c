/* SPDX-License-Identifier: MIT */
/* systemd-timedated's SetTime, called with sd-bus from libsystemd. */
#include "timedate.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#ifdef CALM_HAVE_LIBSYSTEMD
#include <systemd/sd-bus.h>

/* The first call starts timedated and then polkit: 8 s on an emulated arm64 machine, so a
 * minute leaves a slow Pi room (the app waits on a thread of its own: timedate_call.h). */
#define CALL_TIMEOUT_US (60 * 1000000ull)

/* Errors that mean nobody is there to ask, as opposed to someone saying no. */
static bool means_absent(const char *name)
{
	static const char *const absent[] = {
		"org.freedesktop.DBus.Error.ServiceUnknown",
		"org.freedesktop.DBus.Error.NameHasNoOwner",
		"org.freedesktop.DBus.Error.NoReply",
		"org.freedesktop.DBus.Error.Timeout",
		"org.freedesktop.DBus.Error.TimedOut",
		"org.freedesktop.DBus.Error.Disconnected",
		"org.freedesktop.DBus.Error.UnknownMethod",
		"org.freedesktop.DBus.Error.UnknownObject",
		"org.freedesktop.DBus.Error.UnknownInterface",
		"org.freedesktop.systemd1.NoSuchUnit",
		"org.freedesktop.systemd1.UnitMasked",
	};

	for (size_t i = 0; i < sizeof(absent) / sizeof(absent[0]); i++)
		if (strcmp(name, absent[i]) == 0)
			return true;
	return false;
}

enum timedate_result timedate_set_time(int64_t utc_us, char *msg, size_t msg_len)
{
	sd_bus_error error = SD_BUS_ERROR_NULL;
	sd_bus_message *reply = NULL;
	sd_bus *bus = NULL;
	enum timedate_result result;
	int r;

	r = sd_bus_open_system(&bus);
	if (r < 0) {
		snprintf(msg, msg_len, "cannot reach the system bus: %s", strerror(-r));
		result = TIMEDATE_UNAVAILABLE;
		goto unref_bus;
	}
	sd_bus_set_method_call_timeout(bus, CALL_TIMEOUT_US);
	/* usec_utc, relative = false, interactive = false: polkit decides by its rules alone. */
	r = sd_bus_call_method(bus, "org.freedesktop.timedate1", "/org/freedesktop/timedate1",
			       "org.freedesktop.timedate1", "SetTime", &error, &reply, "xbb",
			       (int64_t)utc_us, 0, 0);
	if (r >= 0) {
		result = TIMEDATE_SET;
		goto unref_reply;
	}
	if (!sd_bus_error_is_set(&error)) {
		snprintf(msg, msg_len, "calling systemd-timedated: %s", strerror(-r));
		result = TIMEDATE_UNAVAILABLE;
		goto unref_reply;
	}
	snprintf(msg, msg_len, "systemd-timedated: %s (%s)",
		 error.message ? error.message : "no reason given", error.name);
	if (strcmp(error.name, "org.freedesktop.timedate1.AutomaticTimeSyncEnabled") == 0)
		result = TIMEDATE_AUTOMATIC;
	else if (means_absent(error.name))
		result = TIMEDATE_UNAVAILABLE;
	else
		result = TIMEDATE_REFUSED; /* access denied, and anything else it said no with */

unref_reply:
	sd_bus_error_free(&error);
	sd_bus_message_unref(reply);
unref_bus:
	sd_bus_unref(bus);
	return result;
}

#else

enum timedate_result timedate_set_time(int64_t utc_us, char *msg, size_t msg_len)
{
	(void)utc_us;
	snprintf(msg, msg_len, "this build has no libsystemd, so no way to ask systemd-timedated");
	return TIMEDATE_UNAVAILABLE;
}

#endif
