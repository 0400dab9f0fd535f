#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The system test's hands on the virtual machine: the QEMU monitor, the guest's agent, screens.

  vmctl.py monitor SOCKET COMMAND...        one HMP command (screendump, sendkey, quit), its reply
  vmctl.py agent SOCKET TIMEOUT COMMAND     a shell command run in the guest by the test image's
                                            agent (tests/system/guest/systest-agent); prints its
                                            output and exits with its status (124: no answer)
  vmctl.py wait-agent SOCKET TIMEOUT        until the agent answers (the guest has booted)
  vmctl.py screen PPM KIND [PNG]            does a screendump show KIND (ambient or breathe)?
                                            prints what it measured; saves it as PNG when asked
Only the standard library: it runs on the build machine, not in the guest.
"""
import socket
import struct
import sys
import time
import zlib


def connect(path, timeout):
    """Connects to a QEMU unix socket, retrying while QEMU is still creating it."""
    deadline = time.monotonic() + timeout
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except OSError:
            s.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def read_until(s, marker, timeout, after=None):
    """Reads until marker (bytes) arrives, after the bytes after if given; returns everything
    before that marker, or None on timeout."""
    buf = b""
    deadline = time.monotonic() + timeout

    def found():
        if after is None:
            return marker in buf
        return after in buf and marker in buf[buf.index(after):]

    while not found():
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        s.settimeout(left)
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            return None
        if not chunk:
            return None
        buf += chunk
    start = buf.index(after) if after is not None else 0
    return buf[: buf.index(marker, start)]


def monitor(path, command):
    s = connect(path, 10)
    try:
        if read_until(s, b"(qemu) ", 10) is None:
            sys.exit("vmctl: no monitor prompt on " + path)
        s.sendall(command.encode() + b"\n")
        if command.split()[0] == "quit":
            read_until(s, b"\0", 30)  # QEMU closes the connection as it goes
            return 0
        reply = read_until(s, b"(qemu) ", 60)
        if reply is None:
            sys.exit("vmctl: the monitor did not answer '%s'" % command)
        # The monitor echoes the command line (with terminal escapes) before its answer.
        text = reply.decode(errors="replace").replace("\r", "")
        lines = [ln for ln in text.split("\n")[1:] if ln.strip()]
        if lines:
            print("\n".join(lines))
        return 0
    finally:
        s.close()


def agent(path, timeout, command):
    """Sends 'ID COMMAND' on the agent's serial line; the answer ends with '@@END ID STATUS'."""
    s = connect(path, 10)
    try:
        tag = "%d%d" % (time.monotonic_ns() % 1000000007, len(command))
        s.sendall(("%s %s\n" % (tag, command)).encode())
        marker = ("@@END %s " % tag).encode()
        # The answer ends with the marker's line: read through its newline.
        answer = read_until(s, b"\n", timeout, after=marker)
        if answer is None:
            return 124, ""
        out, _, status = answer.rpartition(marker)
        return int(status.strip() or b"1"), out.decode(errors="replace").replace("\r", "")
    finally:
        s.close()


def wait_agent(path, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _ = agent(path, 3, "true")
            if status == 0:
                return 0
        except OSError:
            time.sleep(1)
    return 1


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields = []
    pos = 0
    while len(fields) < 4:  # P6 width height maxval, whitespace separated, '#' comments
        while data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or int(fields[3]) != 255:
        sys.exit("vmctl: %s is not an 8-bit binary PPM" % path)
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1 : pos + 1 + width * height * 3]


def write_png(path, width, height, rgb):
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    stride = width * 3
    raw = b"".join(b"\0" + rgb[y * stride : (y + 1) * stride] for y in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


def classify(r, g, b):
    luma = (299 * r + 587 * g + 114 * b) // 1000
    if luma < 60 and max(r, g, b) < 90:
        return "dark"
    if luma > 170 and max(r, g, b) - min(r, g, b) < 60:
        return "light"  # text: white or a warm white
    if max(r, g, b) - min(r, g, b) >= 40 and max(r, g, b) >= 90:
        if g > r and b > r:
            return "teal"  # breathing in
        if r > b and g > b:
            return "amber"  # breathing out
        return "colour"
    return "other"


def screen(ppm, kind, png):
    """Colour regions, not pixels: TCG's timing moves the animation between runs."""
    width, height, rgb = read_ppm(ppm)
    if png:
        write_png(png, width, height, rgb)
    counts = {"all": {}, "centre": {}}
    x0, x1, y0, y1 = width * 3 // 10, width * 7 // 10, height * 2 // 10, height * 8 // 10
    step = 2  # every other pixel each way is plenty for areas
    for y in range(0, height, step):
        row = y * width * 3
        for x in range(0, width, step):
            i = row + x * 3
            c = classify(rgb[i], rgb[i + 1], rgb[i + 2])
            counts["all"][c] = counts["all"].get(c, 0) + 1
            if x0 <= x < x1 and y0 <= y < y1:
                counts["centre"][c] = counts["centre"].get(c, 0) + 1

    def share(region, c):
        total = sum(counts[region].values())
        return counts[region].get(c, 0) / total if total else 0.0

    dark, light = share("all", "dark"), share("all", "light")
    disc = share("centre", "teal") + share("centre", "amber")
    print("%dx%d: dark %.1f%%, light %.2f%%, teal+amber in the centre %.1f%% "
          "(teal %.1f%%, amber %.1f%%)" % (width, height, 100 * dark, 100 * light, 100 * disc,
                                           100 * share("centre", "teal"),
                                           100 * share("centre", "amber")))
    if kind == "ambient":
        # The quiet clock: a dark screen, light text, no breathing disc.
        ok = dark > 0.80 and light > 0.002 and disc < 0.02
    elif kind == "breathe":
        # The guide: a teal (in) or amber (out) disc filling part of the middle (more than the
        # settling screen's small one).
        ok = disc > 0.15
    else:
        sys.exit("vmctl: unknown screen kind " + kind)
    print("looks like %s: %s" % (kind, "yes" if ok else "no"))
    return 0 if ok else 1


def main(argv):
    if len(argv) >= 3 and argv[1] == "monitor":
        return monitor(argv[2], " ".join(argv[3:]))
    if len(argv) == 5 and argv[1] == "agent":
        status, out = agent(argv[2], float(argv[3]), argv[4])
        sys.stdout.write(out)
        return status
    if len(argv) == 4 and argv[1] == "wait-agent":
        return wait_agent(argv[2], float(argv[3]))
    if len(argv) in (4, 5) and argv[1] == "screen":
        return screen(argv[2], argv[3], argv[4] if len(argv) == 5 else None)
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
