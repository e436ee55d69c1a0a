"""Getting the server's messages out: every socket is written on its own, so one slow device (a phone whose
Wi-Fi stalls, whose socket's buffer is full) delays only its own pages, never the rest of the class's; and the
objects made at start-up are put out of the garbage collector's way, so a class's turns do not wait for it.
"""

from __future__ import annotations

import asyncio
import gc
from collections import deque
from collections.abc import Coroutine, Iterable, MutableSet
from typing import Protocol


class TextSocket(Protocol):
    async def send_text(self, data: str) -> None: ...


class Outgoing:
    """Messages on their way to sockets. A write normally completes at once and is made right away, with no task
    of its own (a class's turn sends a page to every socket); a write that must wait for its socket to drain goes
    on in a task, and later messages to that socket queue behind it, in order, while every other socket is
    written at once."""

    def __init__(self) -> None:
        self.pending: set[asyncio.Task] = set()
        self.backlog: dict[object, deque[str]] = {}  # a socket whose write is waiting -> the texts queued behind it

    def send(self, targets: Iterable[TextSocket], text: str, sockets: MutableSet) -> None:
        """Write `text` to every socket of `targets`; one found closed is removed from `sockets` (the set it was
        taken from)."""
        for ws in list(targets):
            if ws in self.backlog:
                self.backlog[ws].append(text)
                continue
            write = _write(ws, text, sockets)
            try:
                waiting = write.send(None)  # the write, up to where it would wait (normally to its end)
            except StopIteration:
                continue
            queue: deque[str] = deque()
            self.backlog[ws] = queue
            task = asyncio.get_running_loop().create_task(self._behind(ws, queue, write, waiting, sockets))
            self.pending.add(task)
            task.add_done_callback(self.pending.discard)
            task.add_done_callback(lambda __, ws=ws, queue=queue: self._forget(ws, queue))  # cancelled unstarted

    def _forget(self, ws: object, queue: deque[str]) -> None:
        if self.backlog.get(ws) is queue:
            del self.backlog[ws]

    async def _behind(self, ws: TextSocket, queue: deque[str], write: Coroutine, waiting: object,
                      sockets: MutableSet) -> None:
        """Finish a write that had to wait, then the texts queued behind it for the same socket (at once after the
        last one: a text sent meanwhile is either queued here or written directly, never lost)."""
        try:
            await _resume(write, waiting)
            while queue:
                await _write(ws, queue.popleft(), sockets)
        finally:
            self._forget(ws, queue)
            write.close()

    async def drained(self) -> None:
        """Wait until every message started so far has been written (tests, and a tidy shutdown)."""
        while self.pending:
            await asyncio.gather(*list(self.pending), return_exceptions=True)

    def cancel(self) -> None:
        for task in list(self.pending):
            task.cancel()


async def _write(ws: TextSocket, text: str, sockets: MutableSet) -> None:
    try:
        await ws.send_text(text)
    except Exception:  # noqa: BLE001 - a socket that closed, whatever the stack says: it gets no more messages
        sockets.discard(ws)


async def _resume(write: Coroutine, waiting: object) -> None:
    """Drive `write`, started outside any task and now waiting on `waiting` (what it yielded: a future, or None
    for a bare yield), to its end, as the event loop's task would have."""
    try:
        while True:
            if isinstance(waiting, asyncio.Future):
                waiting._asyncio_future_blocking = False  # taken over, as a task does with the future it is given
                await asyncio.wait([waiting])
            else:
                await asyncio.sleep(0)
            waiting = write.send(None)
    except StopIteration:
        return
    except BaseException:
        write.close()
        raise


def settle_memory() -> int:
    """After start-up and the warm-up: collect once, then freeze what remains (modules, the scenario's rules, the
    pages' data, the baseline) so that the collector's full passes during the class only look at the objects the
    games made since — a third as many in a class of 40 at its end; returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
