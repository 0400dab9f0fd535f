/* SPDX-License-Identifier: MIT */
/* timedated's SetTime on a thread of its own, owned by both sides until each lets go. */
#include "timedate_call.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct timedate_call {
	pthread_mutex_t lock; /* guards everything below but utc_us */
	int64_t utc_us;
	timedate_wake_fn *wake; /* NULL once the caller let go */
	void *user;
	bool done;
	enum timedate_result result;
	char msg[512];
	int refs; /* the caller and the thread: the last to let go frees */
};

static void release(struct timedate_call *call)
{
	bool last;

	pthread_mutex_lock(&call->lock);
	last = --call->refs == 0;
	pthread_mutex_unlock(&call->lock);
	if (last) {
		pthread_mutex_destroy(&call->lock);
		free(call);
	}
}

static void *run(void *arg)
{
	struct timedate_call *call = arg;
	char msg[sizeof(call->msg)] = "";
	enum timedate_result result = timedate_set_time(call->utc_us, msg, sizeof(msg));

	pthread_mutex_lock(&call->lock);
	call->result = result;
	snprintf(call->msg, sizeof(call->msg), "%s", msg);
	call->done = true;
	/* Under the lock: a caller letting go at this moment waits, so its loop is still there
	 * to be woken. */
	if (call->wake)
		call->wake(call->user);
	pthread_mutex_unlock(&call->lock);
	release(call);
	return NULL;
}

struct timedate_call *timedate_call_start(int64_t utc_us, timedate_wake_fn *wake, void *user)
{
	struct timedate_call *call = calloc(1, sizeof(*call));
	pthread_attr_t attr;
	pthread_t thread;
	int err;

	if (!call)
		return NULL;
	call->utc_us = utc_us;
	call->wake = wake;
	call->user = user;
	call->refs = 2;
	pthread_mutex_init(&call->lock, NULL);
	err = pthread_attr_init(&attr);
	if (err == 0) {
		/* Nobody joins it: a caller that lets go early must not wait for timedated. */
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		err = pthread_create(&thread, &attr, run, call);
		pthread_attr_destroy(&attr);
	}
	if (err != 0) {
		pthread_mutex_destroy(&call->lock);
		free(call);
		errno = err;
		return NULL;
	}
	return call;
}

bool timedate_call_done(struct timedate_call *call, enum timedate_result *result, char *msg,
			size_t msg_len)
{
	bool done;

	pthread_mutex_lock(&call->lock);
	done = call->done;
	if (done) {
		*result = call->result;
		snprintf(msg, msg_len, "%s", call->msg);
	}
	pthread_mutex_unlock(&call->lock);
	return done;
}

void timedate_call_free(struct timedate_call *call)
{
	if (!call)
		return;
	pthread_mutex_lock(&call->lock);
	call->wake = NULL;
	pthread_mutex_unlock(&call->lock);
	release(call);
}
