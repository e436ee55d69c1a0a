"""Sounds are made from sine waves at the mixer's own rate and channel count; off means silent."""

from __future__ import annotations

from array import array

from game.ui.sound import TONES, Sounds, synthesise


def test_samples_match_the_length_and_channels_asked_for():
    notes = [(440.0, 0.1, 0.5)]
    mono = array("h", synthesise(notes, 8000, 1))
    stereo = array("h", synthesise(notes, 8000, 2))
    assert len(mono) == 800 and len(stereo) == 1600
    assert stereo[2 * 123] == stereo[2 * 123 + 1] == mono[123]
    assert max(abs(v) for v in mono) <= 32767 * 0.5


def test_every_tone_starts_silent_so_it_does_not_click():
    for notes in TONES.values():
        assert array("h", synthesise(notes, 22050, 1))[0] == 0


def test_disabled_sounds_play_nothing():
    sounds = Sounds(enabled=False)
    sounds.play("turn")
    assert sounds.played == []
    sounds.enabled = True
    sounds.play("turn")
    assert sounds.played == ["turn"]


def test_both_crisis_cues_exist_and_differ_from_the_plain_chimes():
    for cue in ("rung_up", "rung_down", "deal"):
        assert cue in TONES and TONES[cue] not in (TONES["turn"], TONES["alert"])
    # a climb falls in pitch, a deal rises
    assert TONES["rung_up"][-1][0] < TONES["rung_up"][0][0]
    assert TONES["deal"][-1][0] > TONES["deal"][0][0]


def test_with_the_cues_off_a_cue_plays_the_chime_it_replaced():
    sounds = Sounds(enabled=True, cues=False)
    for cue in ("rung_up", "rung_down", "deal"):
        sounds.play(cue)
    assert sounds.played == ["alert", "turn", "turn"]
    sounds.cues = True
    sounds.play("deal")
    assert sounds.played[-1] == "deal"
