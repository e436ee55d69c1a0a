"""A whole Cuban game in French in the text mode: every line the player reads is French (the commands, which
the player types, stay the same in every language), and so is the debrief at the end."""

from __future__ import annotations

import io
import re

from game.cli import textmode
from game.engine import Game, build_rules
from game.i18n import using
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario
from tests.i18n.english import english_words

from .test_textmode_words import script


def play_in(lang: str, scenario: str, tmp_path) -> tuple[str, object]:
    with using(lang):
        path = resolve(scenario)
        result = load_scenario(path)
        rules = build_rules(result.scenario)
        session = textmode.Session(Game(rules, 7), scenario, str(path), result.digest, tmp_path)
        out = io.StringIO()
        commands = "brief\nterms\nhelp\nhelp do\n" + script(7, rules.turns + 2)
        textmode.TextGame(session, io.StringIO(commands), out).run(textmode.render_opening(rules, 7))
    return out.getvalue(), session


def test_a_whole_cuban_game_reads_french(tmp_path):
    text, session = play_in("fr", "cuban_missile_crisis_1962", tmp_path)
    assert session.game.done
    sources = tuple(s.citation for s in session.game.rules.scenario.sources)
    lines = [line for line in text.splitlines() if str(tmp_path) not in line and "python main.py" not in line
             and "] > " not in line]  # the commands the player typed
    commands = "|".join(textmode.COMMANDS)
    typed = [re.sub(rf"^\s+({commands})\b|'({commands})\b", " ", line) for line in lines]  # commands are typed
    english = [(english_words(line, sources), line) for line in typed]
    english = [f"{words}: {line}" for words, line in english if words]
    assert not english, "\n".join(english[:30]) + f"\n({len(english)} lines)"
    assert "TREIZE JOURS" in text and "U Thant" in text
    assert "Votre score" in text and "Ce qui s'est vraiment passé" in text  # the debrief, in French
    assert "octobre 1962" in text and "October" not in text


def test_the_same_game_in_english_and_french_is_the_same_game(tmp_path):
    _, english = play_in("en", "cuban_missile_crisis_1962", tmp_path / "en")
    _, french = play_in("fr", "cuban_missile_crisis_1962", tmp_path / "fr")
    assert english.game.state == french.game.state
    assert english.game.ending == french.game.ending
