"""Versioned save files: atomic writes, autosave, and resuming a game by replaying the player's inputs."""

from .format import MIN_COMPATIBLE, SAVE_FORMAT, VERSION, SaveData, SaveError, TeamMessage, from_json, to_json
from .snapshot import state_from_dict, state_to_dict
from .store import (
    autosave,
    clean_stale_temps,
    load_save,
    new_game_id,
    restore_draft,
    resume,
    save_game,
    saves_directory,
)

__all__ = [
    "MIN_COMPATIBLE",
    "SAVE_FORMAT",
    "VERSION",
    "SaveData",
    "SaveError",
    "TeamMessage",
    "autosave",
    "clean_stale_temps",
    "from_json",
    "load_save",
    "new_game_id",
    "restore_draft",
    "resume",
    "save_game",
    "saves_directory",
    "state_from_dict",
    "state_to_dict",
    "to_json",
]
