"""Test-wide setup: no display, no sound, so the suite runs the same on CI as on a desktop."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
