"""The brink fixture (tests/fixtures/sim/brink.yaml), with parts replaced, for the advisor and counterfactual tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from game.engine import Rules, build_rules
from game.scenario.model import Scenario

BRINK = Path(__file__).resolve().parents[1] / "fixtures" / "sim" / "brink.yaml"


def brink(intelligence: float | None = None, **party: Any) -> Rules:
    """Rules of the brink fixture; `intelligence` replaces the office's, `party` fields apply to both parties."""
    data = yaml.safe_load(BRINK.read_text(encoding="utf-8"))
    if intelligence is not None:
        data["secretary_general"]["intelligence"] = intelligence
    for p in data["parties"]:
        p.update(party)
    return build_rules(Scenario.model_validate(data))
