"""U.S. states, territories and their counties, as shipped in data/counties.csv (see tools/build_county_data.py)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "counties.csv"


@dataclass(frozen=True)
class County:
    state: str
    fips: str
    name: str


@cache
def _table() -> tuple[dict[str, str], dict[str, list[County]]]:
    states: dict[str, str] = {}
    counties: dict[str, list[County]] = {}
    with DATA.open(newline="") as handle:
        for row in csv.DictReader(handle):
            states[row["state"]] = row["state_name"]
            counties.setdefault(row["state"], []).append(County(row["state"], row["fips"], row["county"]))
    return states, counties


def state_choices() -> list[tuple[str, str]]:
    states, _ = _table()
    return sorted(states.items(), key=lambda item: item[1])


def state_name(code: str) -> str:
    return _table()[0].get(code, code)


def counties_of(state: str) -> list[County]:
    return list(_table()[1].get(state, []))


def county_choices(state: str) -> list[tuple[str, str]]:
    return [(county.fips, county.name) for county in counties_of(state)]


def county_in_state(state: str, fips: str) -> County | None:
    """The county with this FIPS code if it lies in this state, else None."""
    return next((county for county in counties_of(state) if county.fips == fips), None)
