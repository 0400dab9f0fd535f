/* SPDX-License-Identifier: MIT */
/* DPMS through DRM on the connector showing SDL's KMSDRM window.
 *
 * SDL gives the DRM file descriptor it draws with (SDL_GetWindowWMInfo); it holds DRM master
 * on it, so setting the connector's DPMS property there is allowed. The connector is the one
 * whose encoder drives a CRTC that has a mode set: the one SDL lit. The kernel also shows
 * the state in /sys/class/drm/cardN-CONNECTOR/dpms ("On" or "Off"). */
#include "dpms.h"

#include <SDL_syswm.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include "diag.h"

struct dpms {
	int fd;          /* SDL's, not ours to close */
	uint32_t connector;
	uint32_t property; /* the connector's "DPMS" property */
	bool off;
	bool failed;     /* a set failed: left on from then on */
};

/* The connector with a lit CRTC behind it, or 0. */
static uint32_t lit_connector(int fd)
{
	drmModeRes *res = drmModeGetResources(fd);
	uint32_t found = 0;

	if (!res)
		return 0;
	for (int i = 0; i < res->count_connectors && !found; i++) {
		drmModeConnector *c = drmModeGetConnector(fd, res->connectors[i]);
		drmModeEncoder *e;

		if (!c)
			continue;
		if (c->connection == DRM_MODE_CONNECTED && c->encoder_id) {
			e = drmModeGetEncoder(fd, c->encoder_id);
			if (e) {
				drmModeCrtc *crtc = e->crtc_id ? drmModeGetCrtc(fd, e->crtc_id) : NULL;

				if (crtc && crtc->mode_valid)
					found = c->connector_id;
				drmModeFreeCrtc(crtc);
				drmModeFreeEncoder(e);
			}
		}
		drmModeFreeConnector(c);
	}
	drmModeFreeResources(res);
	return found;
}

static uint32_t dpms_property(int fd, uint32_t connector)
{
	drmModeObjectProperties *props =
		drmModeObjectGetProperties(fd, connector, DRM_MODE_OBJECT_CONNECTOR);
	uint32_t found = 0;

	if (!props)
		return 0;
	for (uint32_t i = 0; i < props->count_props && !found; i++) {
		drmModePropertyRes *p = drmModeGetProperty(fd, props->props[i]);

		if (p && strcmp(p->name, "DPMS") == 0)
			found = p->prop_id;
		drmModeFreeProperty(p);
	}
	drmModeFreeObjectProperties(props);
	return found;
}

struct dpms *dpms_open(SDL_Window *window)
{
	SDL_SysWMinfo info;
	struct dpms *d;
	uint32_t connector, property;

	SDL_VERSION(&info.version);
	if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_KMSDRM)
		return NULL; /* a desktop: its own screen saver, as before */
	if (info.info.kmsdrm.drm_fd < 0) {
		diag_info("screen off: SDL gives no DRM device; at night the screen is black "
			  "but lit");
		return NULL;
	}
	connector = lit_connector(info.info.kmsdrm.drm_fd);
	property = connector ? dpms_property(info.info.kmsdrm.drm_fd, connector) : 0;
	if (!property) {
		diag_info("screen off: no DPMS on the screen's connector; at night the screen is "
			  "black but lit");
		return NULL;
	}
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->fd = info.info.kmsdrm.drm_fd;
	d->connector = connector;
	d->property = property;
	diag_info("screen off: switched off through DPMS on connector %u", connector);
	return d;
}

bool dpms_follow(struct dpms *d, bool off)
{
	int rc;

	if (!d || d->failed || off == d->off)
		return false;
	rc = drmModeConnectorSetProperty(d->fd, d->connector, d->property,
					 off ? DRM_MODE_DPMS_OFF : DRM_MODE_DPMS_ON);
	if (rc != 0) {
		diag_warn("screen off: cannot switch the screen %s (%s); it stays lit",
			  off ? "off" : "on", strerror(rc < 0 ? -rc : errno));
		d->failed = true;
		if (d->off)
			drmModeConnectorSetProperty(d->fd, d->connector, d->property,
						    DRM_MODE_DPMS_ON);
		d->off = false;
		return true;
	}
	d->off = off;
	return !off;
}

bool dpms_is_off(const struct dpms *d)
{
	return d && d->off;
}

void dpms_close(struct dpms *d)
{
	if (!d)
		return;
	if (d->off)
		drmModeConnectorSetProperty(d->fd, d->connector, d->property, DRM_MODE_DPMS_ON);
	free(d);
}
