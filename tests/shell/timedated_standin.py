#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A stand-in for systemd-timedated on a private bus: SetTime only, answering as MODE says.

Usage: timedated_standin.py MODE RECORD READY
MODE: set (records the call in RECORD), refuse (access denied, as polkit's no), automatic
(network time is on), slow (a yes after 10 s, as a first call that starts timedated and polkit
on a slow machine: 8 s on an emulated arm64 one). READY is written once the name is owned.
"""
import os
import sys
import time

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.timedate1"


class Timedated(dbus.service.Object):
    def __init__(self, bus, mode, record):
        super().__init__(bus, "/org/freedesktop/timedate1")
        self.mode = mode
        self.record = record

    @dbus.service.method(NAME, in_signature="xbb", out_signature="")
    def SetTime(self, usec_utc, relative, interactive):
        with open(self.record, "a", encoding="ascii") as f:
            f.write(f"SetTime {int(usec_utc)} {bool(relative)} {bool(interactive)}\n")
        if self.mode == "refuse":
            raise dbus.exceptions.DBusException(
                "Access denied", name="org.freedesktop.DBus.Error.AccessDenied")
        if self.mode == "slow":
            time.sleep(10)
        if self.mode == "automatic":
            raise dbus.exceptions.DBusException(
                "Automatic time synchronization is enabled",
                name="org.freedesktop.timedate1.AutomaticTimeSyncEnabled")


def main():
    mode, record, ready = sys.argv[1:4]
    DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(os.environ["DBUS_SYSTEM_BUS_ADDRESS"])
    name = dbus.service.BusName(NAME, bus)
    service = Timedated(bus, mode, record)
    with open(ready, "w", encoding="ascii") as f:
        f.write("ready\n")
    GLib.MainLoop().run()
    del name, service


if __name__ == "__main__":
    main()
