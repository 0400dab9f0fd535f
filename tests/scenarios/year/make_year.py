#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a replay of a year of heavy use (see check_year.sh): every day about 33 visits at any
hour, night or day, of a few presses each (taps, holds, double taps), now and then a session
left to run to its end, the settings read again once a day, and the memory noted after the
first week, after half the year and at the end. The same file every time (a fixed seed).

Usage: make_year.py DAYS OUT.replay  (prints the number of presses written)"""
import random
import sys

DAY = 86400.0


def main():
    days, path = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(2027)
    lines = []
    presses = 0
    t = 60.0

    def step(at, what):
        lines.append('%.2f %s' % (at, what))

    for day in range(days):
        end_of_day = (day + 1) * DAY
        reload_at = day * DAY + rnd.uniform(0, DAY)
        reloaded = False
        while True:
            # The next visit: on average 33 a day, at any hour.
            t += rnd.expovariate(33.0 / DAY) + 30.0
            if not reloaded and t > reload_at:
                step(reload_at if reload_at > last_t(lines) else last_t(lines), 'reload')
                reloaded = True
            if t > end_of_day - 900:
                break
            for _ in range(rnd.randint(6, 13)):
                kind = rnd.random()
                if kind < 0.55:  # a tap
                    step(t, 'main down')
                    step(t + 0.1, 'main up')
                    t += 0.1
                elif kind < 0.9:  # a hold: a prompt
                    step(t, 'main down')
                    step(t + 1.0, 'main up')
                    t += 1.0
                else:  # a double tap
                    step(t, 'main down')
                    step(t + 0.1, 'main up')
                    step(t + 0.25, 'main down')
                    step(t + 0.35, 'main up')
                    t += 0.35
                presses += 1
                t += rnd.uniform(2.0, 20.0)
            if rnd.random() < 0.3:
                t += 480.0  # left alone: a session may run to its end
        if not reloaded:
            step(max(reload_at, last_t(lines)), 'reload')
        t = max(t, end_of_day)
        if day == 6 or day == days // 2 - 1:
            step(end_of_day, 'memory')  # the first week; half the year
    step(days * DAY, 'end')
    step(days * DAY, 'memory')  # the year
    with open(path, 'w') as f:
        f.write('# A year of use, written by make_year.py; %d presses.\n' % presses)
        f.write('\n'.join(lines) + '\n')
    print(presses)


def last_t(lines):
    return float(lines[-1].split()[0]) if lines else 0.0


if __name__ == '__main__':
    main()
