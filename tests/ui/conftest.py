"""UI tests may start the advisor's background thread; each test waits for the threads it started, so no
thread is alive when a later test forks worker processes (a fork while another thread holds a lock can hang
the child)."""

from __future__ import annotations

import threading

import pytest

THREAD_GRACE = 60.0  # seconds a leftover advisor thread may take to finish its rollouts


@pytest.fixture(autouse=True)
def no_thread_outlives_the_test():
    before = set(threading.enumerate())
    yield
    for thread in set(threading.enumerate()) - before:
        thread.join(THREAD_GRACE)
        assert not thread.is_alive(), f"thread {thread.name} still running {THREAD_GRACE:.0f} s after the test"
