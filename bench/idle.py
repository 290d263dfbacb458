#!/usr/bin/python3
"""Holds many idle keep-alive connections to a Gazette server, for bench/idle.bash.

Usage: idle.py PORT COUNT
Opens COUNT connections to 127.0.0.1:PORT (at most 200 being set up at a time). On each it sends one
complete `GET /` and reads the whole answer, so that the server has really served it and keeps it alive;
then the connection stays idle. Prints "READY opened=N failed=N seconds=S" once every connection is set
up. It then holds them until SIGTERM or SIGINT, and prints "DONE open=N closed_by_server=N refreshed=N".

Gazette closes a connection that stays idle for its keep_alive_timeout (30 s). A connection whose last
request is REFRESH_S (20 s) old sends `GET /` again, so that a long run does not lose its connections;
bench/idle.bash finishes within that time with its default settings, so no refresh falls in its
measurement then. Connections come from 127.0.0.1, 127.0.0.2, ... (20,000 each) so that the loopback's
ephemeral ports (about 28,000 per source address) do not run out.

Python's standard library only (asyncio).
"""

import asyncio
import signal
import sys
import time

OPENING_AT_ONCE = 200  # connections being set up at the same time: stays under the listen backlog
PER_SOURCE_ADDRESS = 20_000
REFRESH_S = 20.0
TIMEOUT_S = 30.0  # one connection's set-up or one answer
MAX_HEADER_BYTES = 64 * 1024


class Counts:
    opened = 0
    failed = 0
    closed_by_server = 0
    refreshed = 0
    first_error = ""


async def exchange(reader, writer):
    """Sends GET / and reads its whole answer; raises when the server will not keep the connection."""
    writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    if len(head) > MAX_HEADER_BYTES:
        raise ValueError("answer header too large")
    lines = head.decode("latin-1").split("\r\n")
    if not lines[0].startswith("HTTP/1.1 200"):
        raise ValueError(f"answered {lines[0]!r}")
    length = None
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value.strip())
        elif name == "connection" and "close" in value.lower():
            raise ValueError("the server closes the connection after the answer")
        elif name == "transfer-encoding":
            raise ValueError("chunked answers are not read by this script")
    if length is None:
        raise ValueError("answer without Content-Length")
    await reader.readexactly(length)


async def hold(index, port, opening, ready, stop, counts):
    source = f"127.0.0.{1 + index // PER_SOURCE_ADDRESS}"
    try:
        async with opening:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0)), TIMEOUT_S)
            await asyncio.wait_for(exchange(reader, writer), TIMEOUT_S)
    except (OSError, ValueError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
            asyncio.TimeoutError) as error:
        counts.failed += 1
        counts.first_error = counts.first_error or f"{type(error).__name__}: {error}"
        ready()
        return
    counts.opened += 1
    ready()
    last_request = time.monotonic()
    try:
        while not stop.is_set():
            wait = last_request + REFRESH_S - time.monotonic()
            if wait > 0:
                # Nothing may arrive on an idle connection but its closing (an empty read).
                stopped = asyncio.ensure_future(stop.wait())
                closing = asyncio.ensure_future(reader.read(1))
                done, _ = await asyncio.wait({stopped, closing}, timeout=wait,
                                             return_when=asyncio.FIRST_COMPLETED)
                stopped.cancel()
                if closing in done:
                    if closing.result() == b"":
                        counts.closed_by_server += 1
                        counts.opened -= 1
                        return
                    raise ValueError("the server sent bytes on an idle connection")
                closing.cancel()
                continue
            await asyncio.wait_for(exchange(reader, writer), TIMEOUT_S)
            counts.refreshed += 1
            last_request = time.monotonic()
    except (OSError, ValueError, asyncio.IncompleteReadError, asyncio.TimeoutError) as error:
        counts.closed_by_server += 1
        counts.opened -= 1
        counts.first_error = counts.first_error or f"{type(error).__name__}: {error}"
        return
    finally:
        writer.close()


async def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    port, count = int(sys.argv[1]), int(sys.argv[2])
    counts = Counts()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    started = time.monotonic()
    all_set_up = asyncio.Event()
    set_up = 0

    def ready():
        nonlocal set_up
        set_up += 1
        if set_up == count:
            all_set_up.set()

    opening = asyncio.Semaphore(OPENING_AT_ONCE)
    tasks = [asyncio.ensure_future(hold(i, port, opening, ready, stop, counts)) for i in range(count)]
    waiting = asyncio.ensure_future(stop.wait())
    await asyncio.wait({asyncio.ensure_future(all_set_up.wait()), waiting}, return_when=asyncio.FIRST_COMPLETED)
    print(f"READY opened={counts.opened} failed={counts.failed} seconds={time.monotonic() - started:.1f}"
          + (f" first_error={counts.first_error!r}" if counts.first_error else ""), flush=True)
    await waiting
    open_at_end = counts.opened
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"DONE open={open_at_end} closed_by_server={counts.closed_by_server} refreshed={counts.refreshed}"
          + (f" first_error={counts.first_error!r}" if counts.first_error else ""), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
