#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd): stores each message as a .eml file.

usage: smtp_sink.py FOLDER
Listens on a free loopback port, prints "READY <port>" once accepting, and runs until stdin
closes. Each message is NNNNNN.eml, with NNNNNN.peer beside it naming the client connection
(host:port) it came over. What a recipient's local part starts with decides the answer:
  reject...   a permanent 550 5.1.1 (no such user), always
  relay...    a permanent 554 5.7.1 (relay access denied: a refusal of the sender, not the address)
  full...     a permanent 552 5.2.2 (mailbox full: the address lives)
  busy...     a transient 451, always
  flakyN...   a transient 451 the first N times that address is tried (N defaults to 1), then 250
  drop...     the first time, the connection is dropped without an answer; then 250
"""
import os, re, socket, sys, itertools
from collections import Counter
from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)
        self.tries = Counter()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        self.tries[address.lower()] += 1
        tries = self.tries[address.lower()]
        if local.startswith("reject"):
            return "550 5.1.1 No such user here"
        if local.startswith("relay"):
            return "554 5.7.1 Relay access denied"
        if local.startswith("full"):
            return "552 5.2.2 Mailbox full"
        if local.startswith("busy"):
            return "451 4.3.0 Try again later"
        flaky = re.match(r"flaky(\d*)", local)
        if flaky and tries <= int(flaky.group(1) or 1):
            return "451 4.7.1 Greylisted, try again later"
        if local.startswith("drop") and tries == 1:
            server.transport.abort()
            return "421 4.4.2 Connection dropped"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        name = os.path.join(self.folder, f"{n:06d}")
        host, port = session.peer[0], session.peer[1]
        with open(name + ".peer", "w") as f:
            f.write(f"{host}:{port}")
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(name + ".tmp", name + ".eml")
        return "250 Message accepted"


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"READY {port}", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
