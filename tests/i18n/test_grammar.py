"""A message written for a full date reads right when the date is a month, as on a month-turn scenario: the
preposition before a bare month is made right in French ('à partir d'août 1995') and English ('in August 1995');
a negative number in a message has a true minus in both languages, as formats.number writes it."""

from __future__ import annotations

import datetime as dt

import pytest

from game.i18n import tr, using
from game.i18n.formats import MINUS, month_text, number, signed
from game.i18n.grammar import months_fixed

MONTHS = [dt.date(1995, m, 1) for m in range(1, 13)]
VOWELS = ("avril", "août", "octobre")


@pytest.mark.parametrize("day", MONTHS, ids=lambda d: d.strftime("%m"))
def test_every_french_month_takes_the_right_preposition_in_a_condition(day):
    with using("fr"):
        month = month_text(day)
        elided = month.startswith(VOWELS)
        assert tr("from {day}", day=month) == ("à partir d'" if elided else "à partir de ") + month
        assert tr("until {day}", day=month) == f"jusqu'en {month}"
        assert tr("before {day}", day=month) == f"avant {month}"
        assert tr("after {day}", day=month) == f"après {month}"
        assert tr("on {day}", day=month) == f"en {month}"
        assert "du " not in tr("from {day}", day=month) and " le " not in tr("after {day}", day=month)


def test_a_span_of_months_reads_de_to_a_and_a_full_date_keeps_its_article():
    with using("fr"):
        text = tr("{use_name} is possible only from {date_text} to {date_text2}", use_name="X",
                  date_text="mars 1995", date_text2="avril 1996")
        assert text == "X n'est possible que de mars 1995 à avril 1996"
        assert tr("from {day}", day="1er août 1995") == "à partir du 1er août 1995"
        assert tr("on {day}", day="24 octobre 1962") == "le 24 octobre 1962"


def test_english_says_in_a_month_but_on_a_day():
    assert tr("on {day}", day="August 1995") == "in August 1995"
    assert tr("on {day}", day="24 October 1962") == "on 24 October 1962"
    assert months_fixed("On May 1995 the mandate ends", "en") == "In May 1995 the mandate ends"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_negative_number_in_a_message_has_a_true_minus_as_formats_writes_it(lang):
    with using(lang):
        text = tr("grievance {g:.2f}", g=-0.3)
        assert "-" not in text and MINUS in text
        assert signed(-1.5).startswith(MINUS) and number(-2).startswith(MINUS)
        assert tr("{n} left", n=3) in ("3 left",)  # a positive number is untouched
