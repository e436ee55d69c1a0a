"""Settings: defaults, a round trip through settings.json, and a broken file ignored."""

from __future__ import annotations

from game.ui.settings import SETTINGS_FILE, Settings, load_settings, save_settings


def test_defaults_without_a_file(tmp_path):
    assert load_settings(tmp_path) == Settings()


def test_round_trip(tmp_path):
    chosen = Settings(width=1600, height=900, fullscreen=True, type_scale=1.25, colour_blind=True, sound=False)
    assert save_settings(tmp_path, chosen)
    assert load_settings(tmp_path) == chosen


def test_a_broken_or_odd_file_gives_sane_settings(tmp_path):
    (tmp_path / SETTINGS_FILE).write_text("{not json")
    assert load_settings(tmp_path) == Settings()
    (tmp_path / SETTINGS_FILE).write_text('{"width": 10, "height": 10, "type_scale": 9}')
    odd = load_settings(tmp_path)
    assert odd.size == (1024, 640) and odd.type_scale == 1.5
    (tmp_path / SETTINGS_FILE).write_text('{"width": "wide"}')
    assert load_settings(tmp_path) == Settings()
    (tmp_path / SETTINGS_FILE).write_text("[1, 2]")
    assert load_settings(tmp_path) == Settings()


def test_numbers_no_window_can_have_give_sane_settings(tmp_path):
    for text in ('{"width": Infinity}', '{"height": -Infinity}', '{"width": NaN}', '{"type_scale": NaN}',
                 '{"width": 1e400}', '{"width": "\u00b2"}'):
        (tmp_path / SETTINGS_FILE).write_text(text)
        assert load_settings(tmp_path) == Settings(), text
    (tmp_path / SETTINGS_FILE).write_text('{"width": 100000000000, "height": 99999999}')
    assert load_settings(tmp_path).size == (7680, 4320)
