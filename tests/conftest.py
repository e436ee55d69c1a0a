"""Test-wide setup: no display, no sound, so the suite runs the same on CI as on a desktop; and the Hypothesis
profile, `ci` (the default: a bounded budget) or `long` (GOOD_OFFICES_FUZZ=long, for hunting bugs; see
tests/fuzzing.py)."""

import os

from hypothesis import settings

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("long", deadline=None, print_blob=True)
settings.load_profile("long" if os.environ.get("GOOD_OFFICES_FUZZ") == "long" else "ci")
