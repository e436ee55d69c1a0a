"""The window in French: a whole Cuban game with every decision, report and the debrief reads French, cuts no
text without a tooltip, and shows no id; the sample scenario too; and every screen fits at 1024×640 and
1280×720."""

from __future__ import annotations

import pytest

from game.i18n import current, using
from game.scenario.catalogue import shipped
from game.sim.policies import get_policy
from game.ui.app import App
from game.ui.screens.settings import SettingsScreen
from game.ui.settings import Settings, load_settings
from game.ui.shots import SCREEN_NAMES, stage
from tests.i18n.english import english_words

from .driver import frame, wheel
from .test_player_text import SIZE, Reader, _entry, _play, _problems

FRENCH = ("cuban_missile_crisis_1962", "sample_river_dispute")


@pytest.mark.parametrize("scenario", FRENCH)
def test_a_whole_game_in_french_reads_french(scenario, tmp_path):
    item = next(s for s in shipped() if s.id == scenario)
    with using("fr"):
        entry, rules = _entry(item)
        app = App(Settings(width=SIZE[0], height=SIZE[1], sound=False, language="fr"), saves_dir=tmp_path, size=SIZE)
        reader = Reader(app)
        _play(entry, rules, "historical", 4, tmp_path, reader, details=True)
        assert app.session.game.done and app.top.name == "debrief"
        problems = _problems(reader, rules)
    assert not problems, "\n".join(problems[:40]) + f"\n({len(problems)} in all)"
    sources = tuple(s.citation for s in rules.scenario.sources)
    english = sorted({f"{where}: {words} in: {text[:140]}" for where, text in reader.texts
                      if (words := english_words(text, sources))})
    assert not english, "\n".join(english[:40]) + f"\n({len(english)} in all)"
    debrief = " ".join(text for where, text in reader.texts if where.endswith("debrief"))
    assert "Sans vous" in debrief or "sans vous" in debrief


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)], ids=["1024x640", "1280x720"])
@pytest.mark.parametrize("scenario", FRENCH)
def test_every_french_screen_fits(scenario, size, tmp_path):
    """French runs longer than English: every screen, at the smallest window and the usual one, cuts no text
    without a tooltip that shows it whole, and shows no English."""
    item = next(s for s in shipped() if s.id == scenario)
    texts, cuts = [], []
    with using("fr"):
        entry, rules = _entry(item)
        for screen in SCREEN_NAMES:
            turns = rules.turns - 4 if screen == "advisor" and rules.turns > 16 else 3
            app = stage(screen, entry, get_policy("historical", rules), turns, 4, size, tmp_path)
            reader = Reader(app)
            reader.frame(f"{scenario} {screen}")
            texts += reader.texts
            cuts += [(where, c) for where, c in reader.cuts
                     if " ".join(c.full.split()).lower() not in " ".join(c.tip.split()).lower()]
    assert not cuts, "\n".join(f"{w}: cut '{c.shown}' of '{c.full}'" for w, c in cuts[:30])
    sources = tuple(s.citation for s in rules.scenario.sources)
    english = sorted({f"{where}: {words} in: {text[:120]}" for where, text in texts
                      # the picker lists the other scenarios too, which have no French yet and show in English
                      if not where.endswith(("save", "reload-errors", "picker"))
                      and (words := english_words(text, sources))})
    assert not english, "\n".join(english[:30])


def test_settings_change_the_language_of_a_game_in_progress(tmp_path):
    """Choosing French in Settings redraws the game in French, scenario included, and is remembered; the game
    itself (its seed, its turn, its save) does not change."""
    item = next(s for s in shipped() if s.id == "sample_river_dispute")
    entry, rules = _entry(item)
    app = stage("turn", entry, get_policy("historical", rules), 2, 4, SIZE, tmp_path)
    state = app.session.game.state
    app.push(SettingsScreen(app))
    frame(app)
    wheel(app, (SIZE[0] // 2, SIZE[1] // 2), -20)  # the language is the last setting
    frame(app)
    button = next(w for w in app.top.widgets if w.key == "language:fr")
    button.on_click()
    frame(app)
    assert current().code == "fr"
    assert app.session.game.rules.scenario.title == "Le différend du barrage de la Varta"
    assert app.session.game.state == state and app.session.game.turn == 2
    assert load_settings(tmp_path).language == "fr"
    app.pop()
    reader = Reader(app)
    reader.frame("turn in French")
    assert any("Finir la semaine 3" in text for _, text in reader.texts)  # a week is feminine


@pytest.mark.parametrize("turns", [1, 25])
def test_a_month_turn_scenarios_date_line_is_never_cut_in_french(turns, tmp_path):
    """UNPREDEP's long title and French's longer words leave the top bar's date line little room: it drops the
    months left (the turn and its total say as much) rather than cut the line."""
    item = next(s for s in shipped() if s.id == "unpredep_fyrom_1995")
    with using("fr"):
        entry, rules = _entry(item)
        app = stage("turn", entry, get_policy("passive", rules), turns, 4, SIZE, tmp_path)
        reader = Reader(app)
        reader.frame("turn")
        dated = [c for __, c in reader.cuts if "Mois " in c.full]
        lines = [t for __, t in reader.texts if t.startswith("Mois ") and " sur 48 · " in t]
    assert not dated, [(c.shown, c.full) for c in dated]
    assert lines, "no date line in the top bar"
