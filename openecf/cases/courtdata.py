"""Each court's document-id prefix and office digit, from the shipped table (data/court_filing.csv)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

_TABLE = Path(__file__).resolve().parent / "data" / "court_filing.csv"


@cache
def court_table() -> dict[str, tuple[str, int]]:
    """court id -> (document-id prefix, office digit)."""
    with _TABLE.open(newline="", encoding="utf-8") as handle:
        return {row["court"]: (row["doc_id_prefix"], int(row["office"])) for row in csv.DictReader(handle)}


def load_court_filing(court_model: Any, filing_model: Any) -> int:
    """Create the filing settings of every court that has none (a migration passes its historical models);
    settings an operator changed are left alone. Returns how many were created."""
    table = court_table()
    have = set(filing_model.objects.values_list("court_id", flat=True))
    missing = [
        filing_model(court_id=court_id, doc_id_prefix=table[court_id][0], office=table[court_id][1])
        for court_id in court_model.objects.values_list("id", flat=True)
        if court_id not in have and court_id in table
    ]
    filing_model.objects.bulk_create(missing)
    return len(missing)
