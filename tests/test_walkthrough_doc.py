"""docs/walkthrough.md shows the browser tests' pictures: none missing, none left over, every seed present."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_picture_is_shown_and_every_shown_picture_exists() -> None:
    text = (DOCS / "walkthrough.md").read_text()
    shown = {Path(target) for target in re.findall(r"!\[[^\]]+\]\(([^)]+\.png)\)", text)}
    on_disk = {path.relative_to(DOCS) for path in (DOCS / "walkthrough").rglob("*.png")}
    assert shown - on_disk == set(), "pictures the page shows but docs/walkthrough/ lacks"
    assert on_disk - shown == set(), "pictures in docs/walkthrough/ that the page does not show"


def test_one_section_per_seed_with_its_steps() -> None:
    text = (DOCS / "walkthrough.md").read_text()
    for seed in ["000", "001", "002", "003", "004"]:
        assert f"\n## Seed {seed}:" in text
        assert len(list((DOCS / "walkthrough").glob(f"{seed}-*/*.png"))) >= 8, f"seed {seed} has too few steps shown"
