#!/usr/bin/python3
"""Echo check with Python's `websockets` (Debian python3-websockets): 1,000 messages of mixed sizes, 0 B to 1 MB,
text and binary alternating, each compared with what came back, then a clean close (1000).
Usage: ws_echo.py ws://127.0.0.1:PORT/path   — exits 0 and prints "ok N" on success."""
import asyncio
import os
import sys

import websockets


def size_of(i):
    return {0: 0, 1: 125, 2: 126, 3: 65_535, 4: 65_536, 5: 1_000_000 if i % 100 == 5 else 300_000}.get(i % 10, (i * 7919) % 4096)


async def main(url):
    async with websockets.connect(url, max_size=2_000_000, compression=None) as ws:
        for i in range(1000):
            size = size_of(i)
            message = "a" * size if i % 2 else os.urandom(size)
            await ws.send(message)
            echoed = await asyncio.wait_for(ws.recv(), 30)
            if echoed != message:
                raise SystemExit(f"message {i} ({size} B) came back different")
        await ws.close(code=1000, reason="done")
        if ws.close_code != 1000:
            raise SystemExit(f"closed with {ws.close_code}, expected 1000")
    print("ok 1000")


asyncio.run(main(sys.argv[1]))
