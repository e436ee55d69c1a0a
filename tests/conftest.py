"""Test-wide setup: no display, no sound, so the suite runs the same on CI as on a desktop; and the Hypothesis
profile, `ci` (the default: a bounded budget) or `long` (GOOD_OFFICES_FUZZ=long, for hunting bugs; see
tests/fuzzing.py). The machine's locale is set aside, so that the suite reads English wherever it runs."""

import os

import pytest
from hypothesis import settings

from game.i18n import using

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# The suite speaks English unless a test asks for another language, whatever the machine's locale.
for _name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
    os.environ[_name] = "C.UTF-8" if _name != "LANGUAGE" else ""

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("long", deadline=None, print_blob=True)
settings.load_profile("long" if os.environ.get("GOOD_OFFICES_FUZZ") == "long" else "ci")


@pytest.fixture(autouse=True)
def _english():
    """Each test starts in English, and a language a test chooses (Settings, --lang) ends with it."""
    with using("en"):
        yield
