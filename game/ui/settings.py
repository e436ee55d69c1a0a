"""The player's display and sound settings, kept in a small JSON file beside the saves."""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from game.i18n import LANGUAGES

SETTINGS_FILE = "settings.json"
WINDOW_SIZES = ((1024, 640), (1280, 720), (1600, 900), (1920, 1080))
TYPE_SIZES = (1.0, 1.25, 1.5)
MIN_SIZE = (1024, 640)
MAX_SIZE = (7680, 4320)  # a settings file asking for more was not written by the game


@dataclass(frozen=True)
class Settings:
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    type_scale: float = 1.0
    colour_blind: bool = False
    sound: bool = True
    cues: bool = True  # the crisis cues: a rung climbed or come down, a deal struck
    facilitator: bool = False  # a teacher runs games for a class: discussion pauses, interventions, votes
    projector: bool = False  # large type and high contrast for a room
    language: str = ""  # 'en' or 'fr'; '' follows the system's language

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height

    def with_size(self, size: tuple[int, int]) -> Settings:
        return replace(self, width=max(MIN_SIZE[0], int(size[0])), height=max(MIN_SIZE[1], int(size[1])))


def load_settings(folder: Path) -> Settings:
    """The settings saved in `folder`, or the defaults when there are none or the file is unreadable."""
    try:
        raw = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    base = Settings()
    try:
        loaded = Settings(
            width=int(raw.get("width", base.width)),
            height=int(raw.get("height", base.height)),
            fullscreen=bool(raw.get("fullscreen", base.fullscreen)),
            type_scale=float(raw.get("type_scale", base.type_scale)),
            colour_blind=bool(raw.get("colour_blind", base.colour_blind)),
            sound=bool(raw.get("sound", base.sound)),
            cues=bool(raw.get("cues", base.cues)),
            facilitator=bool(raw.get("facilitator", base.facilitator)),
            projector=bool(raw.get("projector", base.projector)),
            language=raw["language"] if raw.get("language") in LANGUAGES else base.language,
        )
    except (TypeError, ValueError, OverflowError):  # e.g. a width of Infinity in a hand-edited file
        return base
    if not (loaded.width <= MAX_SIZE[0] and loaded.height <= MAX_SIZE[1]) or loaded.type_scale != loaded.type_scale:
        loaded = replace(loaded, width=min(loaded.width, MAX_SIZE[0]), height=min(loaded.height, MAX_SIZE[1]),
                         type_scale=base.type_scale if loaded.type_scale != loaded.type_scale else loaded.type_scale)
    scale = min(TYPE_SIZES, key=lambda s: abs(s - loaded.type_scale))
    return replace(loaded.with_size(loaded.size), type_scale=scale)


def save_settings(folder: Path, settings: Settings) -> bool:
    """Write the settings; False when the folder cannot be written (the game goes on with them in memory)."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SETTINGS_FILE).write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
        return True
    return False
