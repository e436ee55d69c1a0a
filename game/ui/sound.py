"""Sounds made at run time from sine waves: a soft click, a turn chime, an alert, and the crisis cues — a
falling pair of low notes when a dispute climbs a rung, a rising pair when one comes down, and a bright
three-note chord when a deal is struck. Nothing is loaded from disk.

When sound is off, or no audio device can be opened, `play` does nothing; with the cues off, a cue falls back to
the plain chime or alert it replaces.
"""

from __future__ import annotations

import math
from array import array

import pygame

RATE = 22050
# name -> [(frequency Hz, seconds, volume 0-1)], played one after another
TONES: dict[str, list[tuple[float, float, float]]] = {
    "click": [(880.0, 0.035, 0.25)],
    "select": [(660.0, 0.04, 0.22), (990.0, 0.05, 0.2)],
    "turn": [(523.25, 0.11, 0.3), (659.25, 0.11, 0.3), (783.99, 0.22, 0.28)],
    "alert": [(392.0, 0.14, 0.35), (311.13, 0.24, 0.35)],
    "deny": [(220.0, 0.09, 0.3)],
    "success": [(523.25, 0.12, 0.3), (783.99, 0.12, 0.3), (1046.5, 0.3, 0.26)],
    "rung_up": [(293.66, 0.16, 0.36), (207.65, 0.32, 0.38)],
    "rung_down": [(392.0, 0.12, 0.26), (523.25, 0.22, 0.24)],
    "deal": [(587.33, 0.09, 0.28), (739.99, 0.09, 0.28), (880.0, 0.1, 0.28), (1174.66, 0.34, 0.24)],
}
# The crisis cues (switchable in Settings) and what plays instead when they are off.
CUES = {"rung_up": "alert", "rung_down": "turn", "deal": "turn"}


def synthesise(notes: list[tuple[float, float, float]], rate: int = RATE, channels: int = 1) -> bytes:
    """Signed 16-bit samples for the notes (each channel the same), with a short attack and an exponential decay
    so that no note clicks."""
    samples = array("h")
    for freq, seconds, volume in notes:
        n = int(rate * seconds)
        attack = max(1, int(rate * 0.005))
        for i in range(n):
            env = min(1.0, i / attack) * math.exp(-4.0 * i / n)
            value = int(32767 * volume * env * math.sin(2 * math.pi * freq * i / rate))
            samples.extend([value] * channels)
    return samples.tobytes()


class Sounds:
    """The game's sounds; created lazily on first use, silent when disabled or without an audio device."""

    def __init__(self, enabled: bool, cues: bool = True) -> None:
        self.enabled = enabled
        self.cues = cues
        self._sounds: dict[str, pygame.mixer.Sound] | None = None
        self.played: list[str] = []  # names played, newest last (tests read it; capped)

    def _load(self) -> dict[str, pygame.mixer.Sound]:
        if self._sounds is None:
            self._sounds = {}
            try:
                if not pygame.mixer.get_init():
                    pygame.mixer.init(RATE, -16, 1, 512)
                rate, size, channels = pygame.mixer.get_init()
                if size != -16:  # the device would not take 16-bit samples: stay silent rather than screech
                    return self._sounds
                self._sounds = {name: pygame.mixer.Sound(buffer=synthesise(notes, rate, channels))
                                for name, notes in TONES.items()}
            except pygame.error:
                self._sounds = {}
        return self._sounds

    def play(self, name: str) -> None:
        if not self.enabled:
            return
        if name in CUES and not self.cues:
            name = CUES[name]
        sound = self._load().get(name)
        self.played = [*self.played[-20:], name]
        if sound is not None:
            sound.play()
