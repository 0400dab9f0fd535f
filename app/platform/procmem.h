/* SPDX-License-Identifier: MIT */
/* This process's memory as the kernel counts it (/proc/self/status). */
#ifndef CALM_PROCMEM_H
#define CALM_PROCMEM_H

/* The peak resident set so far (VmHWM) and the resident set now (VmRSS), in KiB. Returns 0,
 * or -1 (errno set) when the kernel does not say. */
int procmem_read(long *peak_kb, long *now_kb);

#endif
