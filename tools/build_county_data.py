"""Regenerate openecf/accounts/data/counties.csv: every U.S. county (and equivalent) by state or territory.

The source is the Census Bureau's county list (public domain) as packaged in the ``addfips`` distribution's
``data/`` folder. Only the data is used, at build time; OpenECF does not import the package at run time.

Usage: pip install addfips && python tools/build_county_data.py [ADDFIPS_DATA_DIR] [--output PATH]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "openecf" / "accounts" / "data" / "counties.csv"

# The Census list carries former and alternative names under the same code; keep the current official one.
PREFERRED = {
    ("36", "005"): "Bronx County",
    ("36", "047"): "Kings County",
    ("36", "061"): "New York County",
    ("36", "085"): "Richmond County",
    ("60", "030"): "Rose Atoll District",
    ("11", "001"): "District of Columbia",
    ("02", "158"): "Kusilvak Census Area",
    ("02", "195"): "Petersburg Borough",
    ("46", "102"): "Oglala Lakota County",
}


def default_data_dir() -> Path:
    spec = importlib.util.find_spec("addfips")
    if spec is None or spec.origin is None:
        raise SystemExit("addfips is not installed: pip install addfips, or pass its data folder")
    return Path(spec.origin).parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", nargs="?", type=Path)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    data_dir = args.data_dir or default_data_dir()
    states: dict[str, tuple[str, str]] = {}
    with (data_dir / "states.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            states.setdefault(row["fips"], (row["postal"], row["name"]))  # first spelling is the plain one
    counties: dict[tuple[str, str], str] = {}
    with (data_dir / "counties_2020.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["statefp"], row["countyfp"])
            if row["statefp"] in states:
                counties[key] = PREFERRED.get(key, counties.get(key, row["name"]))
    with args.output.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["state", "state_name", "fips", "county"])
        for (statefp, countyfp), name in sorted(counties.items(), key=lambda item: (states[item[0][0]][1], item[1])):
            postal, state_name = states[statefp]
            writer.writerow([postal, state_name, statefp + countyfp, name])
    print(f"wrote {len(counties)} counties to {args.output}")


if __name__ == "__main__":
    main()
