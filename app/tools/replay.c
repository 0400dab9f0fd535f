/* SPDX-License-Identifier: MIT */
/* Replay script parsing and the JSON lines that describe what the device did. */
#include "replay.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void replay_script_free(struct replay_script *script)
{
	if (!script)
		return;
	free(script->steps);
	script->steps = NULL;
	script->count = 0;
}

static int find_button(const struct device_config *config, const char *word)
{
	char *end;
	long n;

	for (int i = 0; i < config->n_buttons; i++)
		if (strcmp(config->buttons[i].name, word) == 0)
			return i;
	errno = 0;
	n = strtol(word, &end, 10);
	if (!errno && end != word && !*end && n >= 1 && n <= config->n_buttons)
		return (int)n - 1;
	return -1;
}

__attribute__((format(printf, 5, 6))) static int fail(char *msg, size_t msg_len, const char *source,
						      int line, const char *fmt, ...)
{
	int n = snprintf(msg, msg_len, "%s:%d: ", source, line);
	va_list ap;

	if (n < 0 || (size_t)n >= msg_len)
		return -1;
	va_start(ap, fmt);
	vsnprintf(msg + n, msg_len - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* "X,Y" in pixels within the panel, as 0 to 1 of its width and height. */
static bool parse_point(const char *text, const struct touch_layout *touch, double *x, double *y)
{
	int px, py, used = 0;

	if (sscanf(text, "%d,%d%n", &px, &py, &used) != 2 || text[used] != '\0')
		return false;
	if (px < 0 || py < 0 || px >= touch->panel_w || py >= touch->panel_h)
		return false;
	*x = (px + 0.5) / touch->panel_w;
	*y = (py + 0.5) / touch->panel_h;
	return true;
}

/* "touch down X,Y" or "touch up [X,Y]": the button the touch is, through the same rules as on
 * the screen (state keeps which touch is down). */
static int parse_touch(const char *source, int line_no, const char *edge, const char *where,
		       const struct touch_layout *touch, struct touch_state *state,
		       struct replay_step *step, char *msg, size_t msg_len)
{
	double x = 0, y = 0;

	if (!touch)
		return fail(msg, msg_len, source, line_no, "touches are off ([touch] enabled)");
	if (strcmp(edge, "down") != 0 && strcmp(edge, "up") != 0)
		return fail(msg, msg_len, source, line_no, "'%s': expected down or up", edge);
	step->touch = true;
	step->down = edge[0] == 'd';
	if ((step->down && !where) || (where && !parse_point(where, touch, &x, &y)))
		return fail(msg, msg_len, source, line_no,
			    "'%s': expected X,Y in pixels, within %dx%d", where ? where : "",
			    touch->panel_w, touch->panel_h);
	step->button = step->down ? touch_press(state, touch, 1, x, y) : touch_release(state, 1);
	if (step->button < 0)
		return fail(msg, msg_len, source, line_no,
			    step->down ? "a touch is already down" : "no touch is down");
	return 0;
}

/* Parses one non-comment line into *step. */
static int parse_step(const char *source, int line_no, char *line,
		      const struct device_config *config, const struct touch_layout *touch,
		      struct touch_state *state, struct replay_step *step, char *msg,
		      size_t msg_len)
{
	char *save = NULL;
	char *when = strtok_r(line, " \t\r", &save);
	char *who = strtok_r(NULL, " \t\r", &save);
	char *edge = strtok_r(NULL, " \t\r", &save);
	char *extra = strtok_r(NULL, " \t\r", &save);
	char *end;
	double seconds;

	errno = 0;
	seconds = strtod(when, &end);
	if (errno || end == when || *end || !(seconds >= 0 && seconds < 1e8))
		return fail(msg, msg_len, source, line_no, "'%s': expected seconds", when);
	step->t_ms = (int64_t)(seconds * 1000.0 + 0.5);
	step->touch = false;
	step->kind = REPLAY_EDGE;
	step->button = -1;
	if (who && !edge) { /* "look" alone; "look down" would be a button named look */
		static const struct {
			const char *word;
			enum replay_kind kind;
		} words[] = {{"end", REPLAY_END},
			     {"look", REPLAY_LOOK},
			     {"memory", REPLAY_MEMORY},
			     {"reload", REPLAY_RELOAD}};

		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			if (strcmp(who, words[i].word) != 0)
				continue;
			step->kind = words[i].kind;
			return 0;
		}
	}
	if (who && edge && strcmp(who, "touch") == 0) {
		if (extra && strtok_r(NULL, " \t\r", &save))
			return fail(msg, msg_len, source, line_no,
				    "expected 'SECONDS touch down X,Y' or 'SECONDS touch up'");
		return parse_touch(source, line_no, edge, extra, touch, state, step, msg,
				   msg_len);
	}
	if (!who || !edge || extra)
		return fail(msg, msg_len, source, line_no,
			    "expected 'SECONDS BUTTON down|up', 'SECONDS touch down X,Y', "
			    "'SECONDS end', 'SECONDS look', 'SECONDS memory' or 'SECONDS reload'");
	step->button = find_button(config, who);
	if (step->button < 0)
		return fail(msg, msg_len, source, line_no, "'%s': no such button", who);
	if (strcmp(edge, "down") != 0 && strcmp(edge, "up") != 0)
		return fail(msg, msg_len, source, line_no, "'%s': expected down or up", edge);
	step->down = edge[0] == 'd';
	return 0;
}

int replay_parse(const char *source, const char *text, const struct device_config *config,
		 const struct touch_layout *touch, struct replay_script *out, char *msg,
		 size_t msg_len)
{
	struct touch_state state;
	size_t cap = 0;
	int line_no = 0;
	const char *p = text;

	memset(out, 0, sizeof(*out));
	touch_state_init(&state);
	while (*p) {
		size_t n = strcspn(p, "\n");
		char line[256];
		char *hash;
		struct replay_step step;

		line_no++;
		if (n >= sizeof(line)) {
			replay_script_free(out);
			return fail(msg, msg_len, source, line_no, "line too long");
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + (p[n] == '\n');
		hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		if (strspn(line, " \t\r") == strlen(line))
			continue;
		if (parse_step(source, line_no, line, config, touch, &state, &step, msg,
			       msg_len) != 0) {
			replay_script_free(out);
			return -1;
		}
		if (out->count && step.t_ms < out->steps[out->count - 1].t_ms) {
			replay_script_free(out);
			return fail(msg, msg_len, source, line_no, "time goes backwards");
		}
		if (out->count == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct replay_step *s = realloc(out->steps, ncap * sizeof(*s));

			if (!s) {
				replay_script_free(out);
				return fail(msg, msg_len, source, line_no, "out of memory");
			}
			out->steps = s;
			cap = ncap;
		}
		out->steps[out->count++] = step;
	}
	return 0;
}

/* Seconds with up to three decimals and no trailing zeros: 1.2, 5, 60.125. */
void replay_format_seconds(int64_t ms, char *buf, size_t len)
{
	char *dot;
	size_t n;

	snprintf(buf, len, "%lld.%03lld", (long long)(ms / 1000), (long long)(ms % 1000));
	dot = strchr(buf, '.');
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (dot && buf + n - 1 == dot)
		*dot = '\0';
}

/* Appends a JSON string (the values here are names and ids: no control characters, but quotes
 * and backslashes are escaped all the same), whole or not at all; false when it did not fit. */
static bool append_string(char *buf, size_t len, const char *s)
{
	size_t n = strlen(buf);
	size_t need = 2; /* the quotes */

	for (const char *c = s; *c; c++)
		need += *c == '"' || *c == '\\' ? 2 : 1;
	if (need >= len - n) /* and the terminating NUL */
		return false;
	buf[n++] = '"';
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf[n++] = '\\';
		buf[n++] = *s;
	}
	buf[n++] = '"';
	buf[n] = '\0';
	return true;
}

/* Appends text, whole or not at all; false when it did not fit. */
static bool append(char *buf, size_t len, const char *text)
{
	size_t n = strlen(buf);
	size_t need = strlen(text);

	if (need >= len - n)
		return false;
	memcpy(buf + n, text, need + 1);
	return true;
}

bool replay_json(const struct device_report *r, const struct device_config *config, char *buf,
		 size_t len)
{
	char num[32];
	bool fits = true;

	if (len == 0)
		return false;
	buf[0] = '\0';
	replay_format_seconds(r->t_ms, num, sizeof(num));
	fits &= append(buf, len, "{\"t\":");
	fits &= append(buf, len, num);
	if (r->button >= 0) {
		fits &= append(buf, len, ",\"button\":");
		fits &= append_string(buf, len, config->buttons[r->button].name);
		fits &= append(buf, len, ",\"gesture\":");
		fits &= append_string(buf, len, gesture_name(r->gesture));
		if (r->source) {
			fits &= append(buf, len, ",\"source\":");
			fits &= append_string(buf, len, r->source);
		}
	}
	fits &= append(buf, len, ",\"action\":");
	fits &= append_string(buf, len, action_name(r->action));
	if (r->reason) {
		fits &= append(buf, len, ",\"reason\":");
		fits &= append_string(buf, len, r->reason);
	}
	fits &= append(buf, len, ",\"screen\":");
	fits &= append_string(buf, len, screen_name(r->screen_after));
	if (r->session_stopped) {
		fits &= append(buf, len, ",\"session_end\":");
		fits &= append_string(buf, len, session_end_name(r->session_how));
		replay_format_seconds(r->session_ms, num, sizeof(num));
		fits &= append(buf, len, ",\"session_s\":");
		fits &= append(buf, len, num);
	}
	if (r->session_started) {
		fits &= append(buf, len, ",\"pattern\":");
		fits &= append_string(buf, len, r->pattern ? r->pattern : "unknown");
	}
	if (r->session_started || r->action == ACTION_LENGTH) {
		replay_format_seconds(r->session_planned_ms, num, sizeof(num));
		fits &= append(buf, len, ",\"planned_s\":");
		fits &= append(buf, len, num);
	}
	if (r->answer) {
		fits &= append(buf, len, ",\"answer\":");
		fits &= append_string(buf, len, r->answer);
		fits &= append(buf, len,
		       r->answer_after ? ",\"checkin\":\"after\"" : ",\"checkin\":\"before\"");
	}
	if (r->prompt) {
		fits &= append(buf, len, ",\"prompt\":");
		fits &= append_string(buf, len, r->prompt->id);
	}
	if (r->action == ACTION_CLOCK_CONFIRM) {
		snprintf(num, sizeof(num), "%04d-%02d-%02dT%02d:%02d", r->clock_to.year,
			 r->clock_to.month, r->clock_to.day, r->clock_to.hour, r->clock_to.minute);
		fits &= append(buf, len, ",\"clock_to\":");
		fits &= append_string(buf, len, num);
	}
	if (r->clock_changed) {
		snprintf(num, sizeof(num), ",\"from_utc\":%lld", (long long)r->clock.from_utc_s);
		fits &= append(buf, len, num);
		snprintf(num, sizeof(num), ",\"to_utc\":%lld", (long long)r->clock.to_utc_s);
		fits &= append(buf, len, num);
	}
	fits &= append(buf, len, "}");
	/* A line cut short is no JSON: nothing rather than half of it. */
	if (!fits)
		buf[0] = '\0';
	return fits;
}
