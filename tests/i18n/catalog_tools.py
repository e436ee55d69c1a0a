"""tools/catalogs.py, imported for the tests (tools/ is not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "tools" / "catalogs.py"
_SPEC = importlib.util.spec_from_file_location("catalogs", _PATH)
catalogs = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(catalogs)
