"""The SPARQL page's examples: the ```sparql blocks of ``docs/recipes.md``, each titled by the
heading above it, kept in ``recipes.json`` (shipped in the package; ``docs/`` is not).

Refresh after editing the recipes (a test fails until you do)::

    .venv/bin/python -m sanad.api.ui.recipes docs/recipes.md > api/ui/recipes.json
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["Recipe", "parse_recipes", "recipes"]

Recipe = dict[str, str]
BUNDLED = Path(__file__).parent / "recipes.json"
_BLOCK = re.compile(r"^(#{2,3}) (?P<title>[^\n]+)$|^```sparql\n(?P<query>.*?)^```", re.M | re.S)


def parse_recipes(markdown: str) -> list[Recipe]:
    """``[{"title", "query"}]`` in document order; a heading titles the blocks below it."""
    found: list[Recipe] = []
    title = "query"
    for match in _BLOCK.finditer(markdown):
        if match.group("title"):
            title = match.group("title").strip()
        else:
            found.append({"title": title, "query": match.group("query").rstrip() + "\n"})
    return found


@lru_cache(maxsize=1)
def recipes() -> list[Recipe]:
    data: list[Recipe] = json.loads(BUNDLED.read_text(encoding="utf-8"))
    return data


if __name__ == "__main__":
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    print(json.dumps(parse_recipes(text), ensure_ascii=False, indent=1))
