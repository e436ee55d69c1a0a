"""Versioned save files: atomic writes, autosave, and resuming a game by replaying the player's inputs."""

from .format import MIN_COMPATIBLE, SAVE_FORMAT, VERSION, SaveData, SaveError, from_json, to_json
from .snapshot import state_from_dict, state_to_dict
from .store import autosave, load_save, resume, save_game, saves_directory

__all__ = [
    "MIN_COMPATIBLE",
    "SAVE_FORMAT",
    "VERSION",
    "SaveData",
    "SaveError",
    "autosave",
    "from_json",
    "load_save",
    "resume",
    "save_game",
    "saves_directory",
    "state_from_dict",
    "state_to_dict",
    "to_json",
]
