"""Limits that keep one client from harming a class: a token bucket per client and caps on open connections."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

MESSAGE_RATE = 10.0  # messages per second a connection may send, on average
MESSAGE_BURST = 30.0
FLOOD_STRIKES = 200  # refused messages after which a connection is closed
JOIN_RATE = 0.5  # joins per second from one address, on average
JOIN_BURST = 10.0
MAX_CONNECTIONS = 400  # open WebSockets on the server
MAX_PER_ADDRESS = 24  # open WebSockets from one address


@dataclass
class Bucket:
    """A token bucket: `take` is True while the client stays within `rate` per second with bursts of `burst`."""

    rate: float
    burst: float
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(init=False)
    stamp: float = field(init=False)
    strikes: int = 0

    def __post_init__(self) -> None:
        self.tokens = self.burst
        self.stamp = self.clock()

    def take(self) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        self.strikes += 1
        return False


@dataclass
class Connections:
    """Open connections, in all and per address; `open` refuses one over either cap."""

    total: int = MAX_CONNECTIONS
    per_address: int = MAX_PER_ADDRESS
    counts: dict[str, int] = field(default_factory=dict)

    def open(self, address: str) -> bool:
        if sum(self.counts.values()) >= self.total or self.counts.get(address, 0) >= self.per_address:
            return False
        self.counts[address] = self.counts.get(address, 0) + 1
        return True

    def close(self, address: str) -> None:
        left = self.counts.get(address, 0) - 1
        if left > 0:
            self.counts[address] = left
        else:
            self.counts.pop(address, None)


@dataclass
class JoinLimiter:
    """A join bucket per address, so one device cannot fill the class with seats."""

    buckets: dict[str, Bucket] = field(default_factory=dict)
    clock: Callable[[], float] = time.monotonic

    def allow(self, address: str) -> bool:
        bucket = self.buckets.setdefault(address, Bucket(JOIN_RATE, JOIN_BURST, self.clock))
        return bucket.take()
