/* SPDX-License-Identifier: MIT */
/* Setting the wall clock when the household asks for it on the set-the-clock screen: the app's
 * own clock when it runs from a given moment, else systemd-timedated, asked on a thread of its
 * own so the screen and systemd's watchdog go on while timedated and polkit start. */
#include "diag.h"
#include "timedate_call.h"
#include "wallclock.h"

#include "app.h"

/* What timedated's answer means for the log, said in the journal when it is not a yes. */
static enum clock_outcome outcome_of(enum timedate_result result, const char *msg)
{
	switch (result) {
	case TIMEDATE_SET:
		return CLOCK_OUTCOME_SET;
	case TIMEDATE_AUTOMATIC:
		diag_warn("the clock was not set: %s. Network time keeps it here; 'timedatectl "
			  "set-ntp false' lets it be set by hand",
			  msg);
		return CLOCK_OUTCOME_AUTOMATIC;
	case TIMEDATE_REFUSED:
		diag_warn("the clock was not set: %s. The polkit rule shipped in "
			  "/usr/share/polkit-1/rules.d allows it for the calm-prompt user",
			  msg);
		return CLOCK_OUTCOME_REFUSED;
	case TIMEDATE_UNAVAILABLE:
		break;
	}
	diag_warn("the clock was not set: %s", msg);
	return CLOCK_OUTCOME_UNAVAILABLE;
}

/* Tells the device how it went and commits that row. */
static void tell(struct app *app, const struct clock_result *result, const struct civil_time *to,
		 int64_t now_ms, bool print)
{
	struct device_output said = {0};

	if (result->outcome == CLOCK_OUTCOME_SET) {
		diag_info("the clock was set by hand to %04d-%02d-%02d %02d:%02d", to->year,
			  to->month, to->day, to->hour, to->minute);
		app->clock_set_this_boot = true;
		app_tell_local_time(app, now_ms);
	}
	device_clock_result(app->dev, result, now_ms, &said);
	app_record(app, &said, now_ms, print);
	app_tell_clock_state(app, now_ms);
}

/* Starts asking timedated; false (and result says why) when it cannot be asked now. */
static bool ask_timedated(struct app *app, struct clock_result *result, const struct civil_time *to,
			  int64_t asked_ms, int64_t now_ms)
{
	if (app->clock_call) {
		/* The screen stopped waiting (30 s) before timedated answered (a minute). */
		diag_warn("the clock was not set: the last setting is still waiting for "
			  "systemd-timedated's answer");
		result->outcome = CLOCK_OUTCOME_UNAVAILABLE;
		return false;
	}
	/* The seconds since the last press count: the time set is the time it is then. */
	app->clock_call =
		timedate_call_start(result->to_utc_s * 1000000 + (now_ms - asked_ms) * 1000,
				    app->clock_wake, app->clock_wake_user);
	if (!app->clock_call) {
		diag_errno(DIAG_WARN,
			   "the clock was not set: cannot start asking systemd-timedated");
		result->outcome = CLOCK_OUTCOME_UNAVAILABLE;
		return false;
	}
	app->clock_asked = *result;
	app->clock_asked_local = *to;
	return true;
}

void app_set_wall_clock(struct app *app, const struct device_output *out, int64_t now_ms,
			bool print)
{
	for (int i = 0; i < out->n; i++) {
		const struct device_report *r = &out->reports[i];
		struct clock_result result = {.from_utc_s = app_wall_now_utc(app, now_ms)};

		if (r->action != ACTION_CLOCK_CONFIRM)
			continue;
		if (wallclock_utc_of_local(&r->clock_to, &result.to_utc_s) != 0) {
			diag_warn("the clock was not set: this system cannot represent "
				  "%04d-%02d-%02d",
				  r->clock_to.year, r->clock_to.month, r->clock_to.day);
			result.to_utc_s = result.from_utc_s;
			result.outcome = CLOCK_OUTCOME_UNAVAILABLE;
		} else if (app->wall_fixed || app->opt.mode != MODE_RUN) {
			/* A given clock is the app's own, and so is a headless run's: moved, the
			 * system's is left alone. */
			app->wall_fixed = true;
			app->wall_base_utc = result.to_utc_s;
			app->wall_base_mono = r->t_ms;
			result.outcome = CLOCK_OUTCOME_SET;
		} else if (ask_timedated(app, &result, &r->clock_to, r->t_ms, now_ms)) {
			continue; /* the answer comes to app_take_clock_answer() */
		}
		tell(app, &result, &r->clock_to, now_ms, print);
	}
}

bool app_take_clock_answer(struct app *app, int64_t now_ms, bool print)
{
	enum timedate_result answer;
	char msg[512];

	if (!app->clock_call || !timedate_call_done(app->clock_call, &answer, msg, sizeof(msg)))
		return false;
	timedate_call_free(app->clock_call);
	app->clock_call = NULL;
	app->clock_asked.outcome = outcome_of(answer, msg);
	tell(app, &app->clock_asked, &app->clock_asked_local, now_ms, print);
	return true;
}

void app_drop_clock_call(struct app *app)
{
	if (app->clock_call)
		diag_warn("stopping while systemd-timedated has yet to answer: the clock may still "
			  "be set, unlogged");
	timedate_call_free(app->clock_call);
	app->clock_call = NULL;
}
