"""Build assets/maps/natural_earth.json, the game's map extract, from the npm package world-atlas.

    cd tools/maps && npm ci          # installs world-atlas 2.0.2 (Natural Earth 4.1.0 as TopoJSON)
    python tools/maps/build_extract.py [--source PATH/countries-50m.json] [--out PATH] [--check]

The extract holds only the theatres the scenarios need (WINDOWS below): every country polygon of Natural
Earth's 1:50m admin-0 countries that reaches into a window, simplified (Douglas-Peucker) and clipped to it,
with coordinates in hundredths of a degree. The output is deterministic, so running the script again on the
same package reproduces the shipped file byte for byte; its sha256 goes beside it in natural_earth.json.sha256. --check
compares both with a fresh build instead of writing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = ROOT / "tools" / "maps" / "node_modules" / "world-atlas" / "countries-50m.json"
DEFAULT_OUT = ROOT / "assets" / "maps" / "natural_earth.json"
SOURCE_NAME = "world-atlas 2.0.2 (npm), countries-50m.json: Natural Earth 4.1.0 admin-0 countries, 1:50m"
PRECISION = 100  # coordinates are stored as integers in 1/PRECISION degree
TOLERANCE = 0.01  # Douglas-Peucker tolerance in degrees (about 1 km): about a pixel on the closest theatre map

# The theatres, as (west, south, east, north) in degrees; a scenario's map region must lie inside one of them.
WINDOWS: dict[str, tuple[float, float, float, float]] = {
    "caribbean": (-100.0, 8.0, -55.0, 38.0),
    "balkans": (10.0, 34.0, 32.0, 48.0),
    "middle_east": (24.0, 12.0, 64.0, 42.0),
    "south_asia": (54.0, 18.0, 86.0, 42.0),
}

Point = tuple[float, float]


def decode_arcs(topo: dict) -> list[list[Point]]:
    """The topology's arcs in degrees (TopoJSON quantised, delta-encoded arcs)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring from its arc indices (a negative index ~i means arc i reversed); shared end points once."""
    out: list[Point] = []
    for index in ring:
        pts = arcs[index] if index >= 0 else arcs[~index][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def outer_rings(geometry: dict, arcs: list[list[Point]]) -> list[list[Point]]:
    """The outer ring of each polygon (holes are left out: enclaves are drawn on top as countries of their own)."""
    if geometry.get("type") == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    return [ring_points(polygon[0], arcs) for polygon in polygons]


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker simplification of a polyline (iterative, so long coasts do not recurse deeply)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_i = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, best_i = d, i
        if best > tolerance:
            keep[best_i] = True
            stack.append((first, best_i))
            stack.append((best_i, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: list[Point], tolerance: float) -> list[Point]:
    """A closed ring simplified as two halves, so that its start point is not the only one kept at its end."""
    if len(ring) < 8:
        return ring
    mid = len(ring) // 2
    return simplify(ring[: mid + 1], tolerance)[:-1] + simplify(ring[mid:], tolerance)


def clip(ring: list[Point], window: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman clipping of a ring to a rectangle."""
    west, south, east, north = window
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    )
    out = ring
    for inside, cross in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
    return out


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def quantise(ring: list[Point]) -> list[int]:
    """The ring as flat integers in 1/PRECISION degree, with repeated points dropped."""
    flat: list[int] = []
    last = None
    for x, y in ring:
        q = (round(x * PRECISION), round(y * PRECISION))
        if q != last:
            flat.extend(q)
            last = q
    if len(flat) >= 4 and flat[:2] == flat[-2:]:
        del flat[-2:]
    return flat


def area(flat: list[int]) -> float:
    """Absolute area of a flat ring (shoelace), in square units."""
    n = len(flat) // 2
    s = 0
    for i in range(n):
        j = (i + 1) % n
        s += flat[2 * i] * flat[2 * j + 1] - flat[2 * j] * flat[2 * i + 1]
    return abs(s) / 2


def build(topo: dict) -> dict:
    """The extract as a JSON-ready document."""
    arcs = decode_arcs(topo)
    min_area = (TOLERANCE * PRECISION) ** 2  # islands smaller than the tolerance squared vanish at this scale
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name")
        if not name:
            continue
        rings = [simplify_ring(r, TOLERANCE) for r in outer_rings(geometry, arcs)]
        kept = []
        for window in WINDOWS.values():
            for ring in rings:
                xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                if max(xs) < window[0] or min(xs) > window[2] or max(ys) < window[1] or min(ys) > window[3]:
                    continue
                flat = quantise(clip(ring, window))
                if len(flat) >= 6 and area(flat) >= min_area:
                    kept.append(flat)
        if kept:
            countries.append({"name": name, "iso_n3": geometry.get("id"), "rings": kept})
    countries.sort(key=lambda c: c["name"])
    return {
        "format": 1,
        "source": SOURCE_NAME,
        "licence": "Natural Earth data: public domain (naturalearthdata.com/about/terms-of-use); "
                   "world-atlas packaging: ISC licence, (c) 2013-2019 Michael Bostock",
        "precision": PRECISION,
        "tolerance_degrees": TOLERANCE,
        "windows": {k: list(v) for k, v in WINDOWS.items()},
        "countries": countries,
    }


def serialise(doc: dict) -> bytes:
    """Deterministic bytes: sorted keys, no spaces, one country per line (so diffs stay readable)."""
    head = {k: v for k, v in doc.items() if k != "countries"}
    lines = [json.dumps(c, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for c in doc["countries"]]
    text = json.dumps(head, sort_keys=True, separators=(",", ":"), ensure_ascii=False)[:-1]
    text += ',"countries":[\n' + ",\n".join(lines) + "\n]}\n"
    return text.encode("utf-8")


def extract_bytes(source: Path) -> bytes:
    """The extract built from a countries TopoJSON file."""
    return serialise(build(json.loads(source.read_text(encoding="utf-8"))))


def digest_path(out: Path) -> Path:
    """Where the extract's sha256 is kept, beside it (checked by the tests and by the map loader)."""
    return out.with_name(out.name + ".sha256")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="world-atlas's countries-50m.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source}: not found; run 'npm ci' in tools/maps first, or give --source", file=sys.stderr)
        return 2
    data = extract_bytes(args.source)
    digest = hashlib.sha256(data).hexdigest()
    if args.check:
        same = args.out.is_file() and args.out.read_bytes() == data and digest_path(args.out).is_file() \
            and digest_path(args.out).read_text(encoding="utf-8").split()[0] == digest
        print(f"{args.out}: {'reproduced exactly' if same else 'DIFFERS from a fresh build'} (sha256 {digest})")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    digest_path(args.out).write_text(f"{digest}  {args.out.name}\n", encoding="utf-8")
    print(f"{args.out}: {len(data)} bytes, sha256 {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
