"""The language of a call path: English by default, set by a command or for a block, never shared between
threads of the class server, and chosen from --lang, the settings or the system locale."""

from __future__ import annotations

import contextvars
import json
import threading

from game.cli.main import choose_language
from game.i18n import _, current, ngettext, set_language, system_language, tr, trn, using
from game.ui.settings import Settings, load_settings, save_settings


def test_english_is_the_source_and_the_default():
    assert current().code == "en"
    assert _("Your game") == "Your game"


def test_using_speaks_a_language_inside_the_block_only():
    with using("fr"):
        assert current().code == "fr"
        assert _("Your game") == "Votre partie"
    assert current().code == "en"


def test_an_unknown_language_is_english():
    with using("xx"):
        assert current().code == "en"


def test_each_thread_has_its_own_language():
    seen = {}

    def speak(code):
        set_language(code)
        seen[code] = _("Your game")

    threads = [threading.Thread(target=contextvars.copy_context().run, args=(speak, c)) for c in ("fr", "en")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {"fr": "Votre partie", "en": "Your game"}
    assert current().code == "en"


def test_plurals_follow_each_language():
    with using("fr"):
        assert trn("{n} error", "{n} errors", 0) == "0 erreur"
        assert trn("{n} error", "{n} errors", 1) == "1 erreur"
        assert trn("{n} error", "{n} errors", 2) == "2 erreurs"
        assert ngettext("{n} error", "{n} errors", 1.5) == "{n} erreur"
    assert trn("{n} error", "{n} errors", 0) == "0 errors"
    assert ngettext("{n} error", "{n} errors", 1.5) == "{n} errors"


def test_tr_fills_placeholders_after_translating():
    with using("fr"):
        assert tr("{name} without you", name="Cuba") == "Cuba sans vous"


def test_the_system_locale_chooses_when_nothing_else_does():
    assert system_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert system_language({"LC_ALL": "", "LANG": "fr_CA"}) == "fr"
    assert system_language({"LANGUAGE": "de:fr"}) == "fr"
    assert system_language({"LANG": "de_DE.UTF-8"}) == "en"
    assert system_language({}) == "en"


def test_the_flag_wins_then_the_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert choose_language("fr") == "fr"
    save_settings(tmp_path, Settings(language="fr"))
    assert choose_language(None) == "fr"
    assert choose_language("en") == "en"


def test_settings_remember_the_language_and_ignore_a_bad_one(tmp_path):
    save_settings(tmp_path, Settings(language="fr"))
    assert load_settings(tmp_path).language == "fr"
    (tmp_path / "settings.json").write_text(json.dumps({"language": "klingon"}), encoding="utf-8")
    assert load_settings(tmp_path).language == ""
