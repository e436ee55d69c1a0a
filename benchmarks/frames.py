"""Frame time of the turn screen and time to the first frame, with SDL's dummy video driver.

    python benchmarks/frames.py [--frames N] [--size WxH] [--scenario ID] [--screen turn|map]

Prints the median and 99th-percentile time of a frame of the turn screen (or the map view) drawn to the display
surface (the steady state, and with the screen rebuilt every frame as after each click), and the time from process
start and from constructing the App to the first frame on screen. Goals (design §5): median ≤ 5 ms, launch ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def first_frame(size: tuple[int, int]) -> float:
    """Seconds from before importing the UI to the title screen's first frame flipped to the display."""
    start = time.perf_counter()
    import tempfile

    import pygame

    from game.ui.app import App
    from game.ui.screens import make_start
    from game.ui.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        app = App(Settings(width=size[0], height=size[1], sound=False), saves_dir=Path(tmp), size=size)
        make_start(app, "title")
        pygame.display.init()
        surface = pygame.display.set_mode(size)
        app.draw(surface)
        pygame.display.flip()
        return time.perf_counter() - start


def turn_frames(size: tuple[int, int], frames: int, scenario: str, rebuild: bool, screen: str = "turn",
                fade: bool = False) -> list[float]:
    """Milliseconds per frame of the turn screen (or the map view) after three turns of the historical policy;
    with `fade`, every frame of the map is drawn halfway through a change fading in (two blits, one with alpha)."""
    import tempfile

    import pygame

    from game.engine import build_rules
    from game.scenario.catalogue import resolve
    from game.scenario.loader import load_scenario
    from game.sim.policies import get_policy
    from game.ui.session import ScenarioEntry
    from game.ui.shots import stage

    path = resolve(scenario)
    result = load_scenario(path)
    entry = ScenarioEntry(result.scenario.id, path, result.scenario, result.digest)
    policy = get_policy("historical", build_rules(result.scenario))
    with tempfile.TemporaryDirectory() as tmp:
        app = stage(screen, entry, policy, 3, 1, size, Path(tmp))
        pygame.display.init()
        surface = pygame.display.set_mode(size)
        times = []
        for n in range(frames + 20):
            if rebuild:
                app.top.invalidate()
            view = getattr(app.session, "map_view", None)
            if fade and view is not None and view._shown:
                from game.ui.screens.map import FADE_MS

                picture = next(iter(view._shown.values()))[1]
                view._fade = (picture.copy() if n == 0 or view._fade is None else view._fade[0],
                              view.clock_ms - FADE_MS // 2)
            t0 = time.perf_counter()
            app.tick(16)
            app.draw(surface)
            pygame.display.flip()
            if n >= 20:  # the first frames fill the text cache
                times.append((time.perf_counter() - t0) * 1000)
        return times


def launch_from_process_start() -> float:
    """Seconds from starting a fresh Python process to its first frame (interpreter start-up included)."""
    start = time.time()
    out = subprocess.run([sys.executable, __file__, "--child"], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip()) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--scenario", default="sample_river_dispute")
    parser.add_argument("--screen", choices=("turn", "map"), default="turn")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.lower().split("x"))
    if args.child:
        first_frame(size)
        print(time.time())
        return 0
    launch_app = first_frame(size)
    launch_process = launch_from_process_start()
    steady = turn_frames(size, args.frames, args.scenario, rebuild=False, screen=args.screen)
    rebuilt = turn_frames(size, max(60, args.frames // 4), args.scenario, rebuild=True, screen=args.screen)
    print(f"{args.screen} screen {size[0]}x{size[1]}, {args.scenario}, dummy video driver")
    print(f"  frame (steady):           median {statistics.median(steady):.2f} ms, "
          f"p99 {percentile(steady, 0.99):.2f} ms over {len(steady)} frames")
    print(f"  frame (rebuilt each time): median {statistics.median(rebuilt):.2f} ms, "
          f"p99 {percentile(rebuilt, 0.99):.2f} ms over {len(rebuilt)} frames")
    if args.screen == "map":
        fading = turn_frames(size, max(60, args.frames // 4), args.scenario, rebuild=False, screen="map", fade=True)
        print(f"  frame (a change fading in): median {statistics.median(fading):.2f} ms, "
              f"p99 {percentile(fading, 0.99):.2f} ms over {len(fading)} frames")
    print(f"  first frame: {launch_app * 1000:.0f} ms from importing the UI, "
          f"{launch_process * 1000:.0f} ms from process start")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
