#!/usr/bin/env python3
"""The SMTP server `briefings bench send` sends to (aiosmtpd, Debian's python3-aiosmtpd).

usage: smtp_sink.py
Listens on a free loopback port, prints "READY <port>", accepts every message and counts it
(nothing is written: the benchmark measures the sender). Prints "RECEIVED <n>" and exits when
standard input closes.
"""
import socket, sys
from aiosmtpd.controller import Controller


class Counter:
    def __init__(self):
        self.received = 0

    async def handle_DATA(self, server, session, envelope):
        self.received += 1
        return "250 Message accepted"


def main():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    print(f"READY {port}", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()
        print(f"RECEIVED {counter.received}", flush=True)


if __name__ == "__main__":
    main()
