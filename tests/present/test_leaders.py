"""Leaders on the party cards: monograms from names, moods from the player's estimate of trust."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.present.leaders import MOODS, monogram, mood, short_name


def test_monograms_leave_titles_and_middle_initials_out():
    assert monogram("President John F. Kennedy and the Executive Committee (ExComm)") == "JK"
    assert monogram("Chairman Nikita Khrushchev") == "NK"
    assert monogram("Prime Minister Jonas Vik") == "JV"
    assert monogram("Fidel Castro") == "FC"
    assert monogram("Saddam Hussein") == "SH"
    assert monogram("Hamas") == "H"
    assert monogram("") == ""


def test_moods_fall_as_trust_falls():
    words = [mood(t)[0] for t in (0.9, 0.5, 0.35, 0.2, 0.05)]
    assert words == [m[1] for m in MOODS]


@given(st.floats(0, 1), st.floats(0, 1))
def test_more_trust_never_reads_as_a_worse_mood(a, b):
    order = [m[1] for m in MOODS]
    lo, hi = sorted((a, b))
    assert order.index(mood(hi)[0]) <= order.index(mood(lo)[0])


@given(st.text(max_size=60))
def test_a_monogram_is_at_most_two_letters_for_any_name(name):
    assert len(monogram(name)) <= 2


def test_a_short_name_drops_titles_and_whoever_follows_the_first_person():
    assert short_name("President John F. Kennedy and the Executive Committee (ExComm)") == "John Kennedy"
    assert short_name("Prime Minister Jonas Vik") == "Jonas Vik"
    assert short_name("the leadership") == "the leadership"


def test_a_leader_that_is_an_organisation_keeps_its_name_whole():
    assert short_name("Party for Democratic Prosperity; from 1997 Arben Xhaferi's Democratic Party of Albanians") \
        == "Party for Democratic Prosperity"
    assert short_name("Le président du Conseil Nikita Khrouchtchev") == "Nikita Khrouchtchev"
    assert short_name("President Kiro Gligorov; Prime Minister Branko Crvenkovski") == "Kiro Gligorov"
    assert short_name("President Zia ul-Haq; Prime Minister Mohammad Khan Junejo") == "Zia ul-Haq"
    assert short_name("The seven-party alliance based in Peshawar") == "The seven-party alliance based in Peshawar"
    assert short_name("Executive Chairman Richard Butler") == "Richard Butler"
