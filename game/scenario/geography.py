"""The shipped Natural Earth extract (assets/maps/natural_earth.json): country outlines in degrees and the
theatres they cover. Read once per process; the validator checks names and regions against it, the map view
draws it. See assets/maps/README.md for where it comes from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

EXTRACT = Path(__file__).resolve().parents[2] / "assets" / "maps" / "natural_earth.json"

Ring = tuple[tuple[float, float], ...]
Box = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class Atlas:
    """Country outlines (outer rings, clipped to the theatres) and the theatres' bounds."""

    countries: dict[str, tuple[Ring, ...]]
    windows: dict[str, Box]

    def covers(self, box: Box) -> bool:
        """True when the box lies inside one theatre of the extract."""
        w, s, e, n = box
        return any(w >= ww and s >= ws and e <= we and n <= wn for ww, ws, we, wn in self.windows.values())


def parse_atlas(data: bytes) -> Atlas:
    """The atlas from the extract's bytes (ValueError when they are not an extract)."""
    try:
        doc = json.loads(data.decode("utf-8"))
        scale = 1.0 / doc["precision"]
        countries = {}
        for c in doc["countries"]:
            rings = []
            for flat in c["rings"]:
                rings.append(tuple((flat[i] * scale, flat[i + 1] * scale) for i in range(0, len(flat) - 1, 2)))
            countries[c["name"]] = tuple(rings)
        windows = {k: (float(v[0]), float(v[1]), float(v[2]), float(v[3])) for k, v in doc["windows"].items()}
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, IndexError, ZeroDivisionError) as exc:
        raise ValueError(f"not a map extract: {exc}") from None
    return Atlas(countries, windows)


@lru_cache(maxsize=1)
def atlas() -> Atlas:
    """The shipped extract (an empty atlas if the file is missing, so a broken install still plays)."""
    try:
        return parse_atlas(EXTRACT.read_bytes())
    except (OSError, ValueError):
        return Atlas({}, {})
