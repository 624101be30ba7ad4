"""The national strategy's targets, read once from the catalogue shipped with the program."""

from __future__ import annotations

import functools
import json

from ..domain.strategy import StrategyTarget, parse_catalogue
from ..resources import resource


@functools.lru_cache(maxsize=1)
def _catalogue() -> dict:
    return json.loads(resource("strategy", "nq28-2021-2030.json").read_text(encoding="utf-8"))


def strategy_targets() -> list[StrategyTarget]:
    return parse_catalogue(_catalogue())


def strategy_document() -> str:
    """The resolution the catalogue quotes (shown above the list)."""
    return _catalogue()["document"]
