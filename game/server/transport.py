"""Getting the server's messages out: every socket is written on its own, so one slow device (a phone whose
Wi-Fi stalls, whose socket's buffer is full) delays only its own pages, never the rest of the class's; and the
objects made at start-up are put out of the garbage collector's way, so a class's turns do not wait for it.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterable, MutableSet
from typing import Protocol


class TextSocket(Protocol):
    async def send_text(self, data: str) -> None: ...


class Outgoing:
    """Messages on their way to sockets. A write normally completes at once; one that must wait for its socket
    to drain waits in its own task, and the messages after it to that socket wait behind it in order."""

    def __init__(self) -> None:
        self.pending: set[asyncio.Task] = set()

    def send(self, targets: Iterable[TextSocket], text: str, sockets: MutableSet) -> None:
        """Start writing `text` to every socket of `targets`; one found closed is removed from `sockets` (the set
        it was taken from)."""
        loop = asyncio.get_running_loop()
        for ws in list(targets):
            task = loop.create_task(self._write(ws, text, sockets))
            self.pending.add(task)
            task.add_done_callback(self.pending.discard)

    @staticmethod
    async def _write(ws: TextSocket, text: str, sockets: MutableSet) -> None:
        try:
            await ws.send_text(text)
        except Exception:  # noqa: BLE001 - a socket that closed, whatever the stack says: it gets no more messages
            sockets.discard(ws)

    async def drained(self) -> None:
        """Wait until every message started so far has been written (tests, and a tidy shutdown)."""
        while self.pending:
            await asyncio.gather(*list(self.pending), return_exceptions=True)

    def cancel(self) -> None:
        for task in list(self.pending):
            task.cancel()


def settle_memory() -> int:
    """After start-up and the warm-up: collect once, then freeze what remains (modules, the scenario's rules, the
    pages' data, the baseline) so that the collector's full passes during the class only look at the objects the
    games made since — a third as many in a class of 40 at its end; returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
