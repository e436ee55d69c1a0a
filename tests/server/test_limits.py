"""Limits: a token bucket per client, caps on open connections in all and per address."""

from hypothesis import given
from hypothesis import strategies as st

from game.server.limits import Bucket, Connections, JoinLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_its_burst_then_its_rate():
    clock = Clock()
    bucket = Bucket(rate=2.0, burst=3.0, clock=clock)
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]
    assert bucket.strikes == 1
    clock.now = 0.5  # one more message's worth
    assert bucket.take() and not bucket.take()


@given(st.lists(st.floats(min_value=0, max_value=5), max_size=60))
def test_a_bucket_never_allows_more_than_burst_plus_rate_times_time(gaps):
    clock = Clock()
    bucket = Bucket(rate=10.0, burst=30.0, clock=clock)
    allowed = 0
    for gap in gaps:
        clock.now += gap
        allowed += bucket.take()
    assert allowed <= 30 + 10 * clock.now + 1e-9


def test_connections_are_capped_per_address_and_in_all():
    conns = Connections(total=3, per_address=2)
    assert conns.open("a") and conns.open("a") and not conns.open("a")
    assert conns.open("b") and not conns.open("c")
    conns.close("a")
    assert conns.open("c")
    conns.close("b")
    conns.close("b")  # closing more than was opened does no harm
    assert conns.counts == {"a": 1, "c": 1}


def test_joins_are_limited_per_address():
    clock = Clock()
    joins = JoinLimiter(clock=clock)
    first = [joins.allow("10.0.0.5") for _ in range(12)]
    assert first.count(True) == 10 and joins.allow("10.0.0.6")
