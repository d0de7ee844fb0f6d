"""Regenerate the shipped court data (openecf/courts/data/courts.csv) from the shared reference files.

Reads ``federal_courts.csv`` and ``nextgen_go_live.csv`` from the reference folder (default:
``../shared/reference`` relative to the repository root) and writes one row per court, in input order.

Usage: python tools/build_court_data.py [REFERENCE_DIR] [--output PATH]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE_DIR = REPO_ROOT.parent / "shared" / "reference"
DEFAULT_OUTPUT = REPO_ROOT / "openecf" / "courts" / "data" / "courts.csv"

OUTPUT_COLUMNS = [
    "id",
    "name",
    "type",
    "short_name",
    "time_zone",
    "ecf_host",
    "nextgen_go_live",
    "go_live_precision",
    "go_live_source",
    "link_item_location",
    "login_title",
    "clerk_phone",
    "help_desk_url",
    "pacer_help_url",
]

# State/territory code -> (display name, IANA time zone of the court seat; None = decided per court).
STATES: dict[str, tuple[str, str | None]] = {
    "al": ("Alabama", "America/Chicago"),
    "ak": ("Alaska", "America/Anchorage"),
    "az": ("Arizona", "America/Phoenix"),
    "ar": ("Arkansas", "America/Chicago"),
    "ca": ("California", "America/Los_Angeles"),
    "co": ("Colorado", "America/Denver"),
    "ct": ("Connecticut", "America/New_York"),
    "de": ("Delaware", "America/New_York"),
    "dc": ("District of Columbia", "America/New_York"),
    "fl": ("Florida", "America/New_York"),
    "ga": ("Georgia", "America/New_York"),
    "gu": ("Guam", "Pacific/Guam"),
    "hi": ("Hawaii", "Pacific/Honolulu"),
    "id": ("Idaho", "America/Boise"),
    "il": ("Illinois", "America/Chicago"),
    "in": ("Indiana", "America/Indiana/Indianapolis"),
    "ia": ("Iowa", "America/Chicago"),
    "ks": ("Kansas", "America/Chicago"),
    "ky": ("Kentucky", None),
    "la": ("Louisiana", "America/Chicago"),
    "me": ("Maine", "America/New_York"),
    "md": ("Maryland", "America/New_York"),
    "ma": ("Massachusetts", "America/New_York"),
    "mi": ("Michigan", "America/Detroit"),
    "mn": ("Minnesota", "America/Chicago"),
    "ms": ("Mississippi", "America/Chicago"),
    "mo": ("Missouri", "America/Chicago"),
    "mt": ("Montana", "America/Denver"),
    "ne": ("Nebraska", "America/Chicago"),
    "nv": ("Nevada", "America/Los_Angeles"),
    "nh": ("New Hampshire", "America/New_York"),
    "nj": ("New Jersey", "America/New_York"),
    "nm": ("New Mexico", "America/Denver"),
    "nmi": ("Northern Mariana Islands", "Pacific/Saipan"),
    "ny": ("New York", "America/New_York"),
    "nc": ("North Carolina", "America/New_York"),
    "nd": ("North Dakota", "America/Chicago"),
    "oh": ("Ohio", "America/New_York"),
    "ok": ("Oklahoma", "America/Chicago"),
    "or": ("Oregon", "America/Los_Angeles"),
    "pa": ("Pennsylvania", "America/New_York"),
    "pr": ("Puerto Rico", "America/Puerto_Rico"),
    "ri": ("Rhode Island", "America/New_York"),
    "sc": ("South Carolina", "America/New_York"),
    "sd": ("South Dakota", "America/Chicago"),
    "tn": ("Tennessee", None),
    "tx": ("Texas", "America/Chicago"),
    "ut": ("Utah", "America/Denver"),
    "vt": ("Vermont", "America/New_York"),
    "va": ("Virginia", "America/New_York"),
    "vi": ("Virgin Islands", "America/St_Thomas"),
    "wa": ("Washington", "America/Los_Angeles"),
    "wv": ("West Virginia", "America/New_York"),
    "wi": ("Wisconsin", "America/Chicago"),
    "wy": ("Wyoming", "America/Denver"),
}

# States whose districts straddle time zones: (state, direction letter) -> zone.
SPLIT_STATE_ZONES: dict[tuple[str, str], str] = {
    ("ky", "e"): "America/New_York",
    ("ky", "w"): "America/Kentucky/Louisville",
    ("tn", "e"): "America/New_York",
    ("tn", "m"): "America/Chicago",
    ("tn", "w"): "America/Chicago",
}

DIRECTIONS = {"n": "Northern", "s": "Southern", "e": "Eastern", "w": "Western", "m": "Middle", "c": "Central"}

# id -> (short name, time zone) for appellate and special courts.
NON_STATE_COURTS: dict[str, tuple[str, str]] = {
    "ca1": ("First Circuit", "America/New_York"),
    "ca2": ("Second Circuit", "America/New_York"),
    "ca3": ("Third Circuit", "America/New_York"),
    "ca4": ("Fourth Circuit", "America/New_York"),
    "ca5": ("Fifth Circuit", "America/Chicago"),
    "ca6": ("Sixth Circuit", "America/New_York"),
    "ca7": ("Seventh Circuit", "America/Chicago"),
    "ca8": ("Eighth Circuit", "America/Chicago"),
    "ca9": ("Ninth Circuit", "America/Los_Angeles"),
    "ca10": ("Tenth Circuit", "America/Denver"),
    "ca11": ("Eleventh Circuit", "America/New_York"),
    "cadc": ("D.C. Circuit", "America/New_York"),
    "cafc": ("Federal Circuit", "America/New_York"),
    "cavc": ("Veterans Claims", "America/New_York"),
    "cit": ("International Trade", "America/New_York"),
    "cofc": ("Federal Claims", "America/New_York"),
    "jpml": ("Judicial Panel on Multidistrict Litigation", "America/New_York"),
}

UTILITIES_LINK_COURTS = {"wied", "wiwd", "alnd"}
CLERK_PHONES = {"wiwd": "(608) 264-5156"}
HELP_DESK_URLS = {"wiwb": "https://www.wiwb.uscourts.gov/nextgen-cmecf-help"}
PACER_HELP_URLS = {"wiwb": "https://www.wiwb.uscourts.gov/pacer-help"}


def parse_state_court(court_id: str, court_type: str) -> tuple[str, str]:
    """Return (short_name, time_zone) for a district or bankruptcy court id like ``wiwd`` or ``nmib``."""
    suffix = "d" if court_type == "district" else "b"
    if not court_id.endswith(suffix):
        raise ValueError(f"{court_id}: {court_type} court id does not end in {suffix!r}")
    stem = court_id[: -len(suffix)]
    # Prefer an exact (possibly 3-letter) state code, so nmi/nm are not confused.
    if stem in STATES:
        state, direction = stem, ""
    elif len(stem) == 3 and stem[:2] in STATES and stem[2] in DIRECTIONS:
        state, direction = stem[:2], stem[2]
    else:
        raise ValueError(f"{court_id}: cannot parse state/direction from {stem!r}")
    state_name, zone = STATES[state]
    if zone is None:
        zone = SPLIT_STATE_ZONES.get((state, direction))
    if zone is None:
        raise ValueError(f"{court_id}: no time zone known for state {state!r} direction {direction!r}")
    short_name = f"{state_name} {DIRECTIONS[direction]}" if direction else state_name
    return short_name, zone


def login_title(court_type: str, short_name: str, name: str) -> str:
    """Return the login page title expected for a court."""
    if court_type == "district":
        return f"{short_name} District Court Login"
    if court_type == "bankruptcy":
        return f"{short_name} Bankruptcy Court NextGen Login"
    if court_type == "appellate":
        return f"{short_name} Court of Appeals Login"
    if court_type == "special":
        return f"{name} Login"
    raise ValueError(f"unknown court type {court_type!r}")


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a CSV file with a header row into a list of dicts."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def build_rows(reference_dir: Path) -> list[dict[str, str]]:
    """Build the output rows from the reference files, validating them along the way."""
    courts = read_csv(reference_dir / "federal_courts.csv")
    go_live = {row["pacer_court_id"]: row for row in read_csv(reference_dir / "nextgen_go_live.csv")}

    court_ids = [court["pacer_court_id"] for court in courts]
    assert len(court_ids) == len(set(court_ids)), "duplicate court ids in federal_courts.csv"
    unknown = sorted(set(go_live) - set(court_ids))
    assert not unknown, f"go-live ids missing from federal_courts.csv: {unknown}"

    rows = []
    for court in courts:
        court_id, court_type, name = court["pacer_court_id"], court["type"], court["name"]
        if court_type in ("district", "bankruptcy"):
            short_name, zone = parse_state_court(court_id, court_type)
        elif court_type in ("appellate", "special"):
            assert court_id in NON_STATE_COURTS, f"{court_id}: unknown {court_type} court"
            short_name, zone = NON_STATE_COURTS[court_id]
        else:
            raise ValueError(f"{court_id}: unknown court type {court_type!r}")
        assert zone, f"{court_id}: no time zone"
        try:
            ZoneInfo(zone)
        except ZoneInfoNotFoundError as exc:
            raise AssertionError(f"{court_id}: invalid time zone {zone!r}") from exc

        live = go_live.get(court_id, {})
        rows.append(
            {
                "id": court_id,
                "name": name,
                "type": court_type,
                "short_name": short_name,
                "time_zone": zone,
                "ecf_host": court["ecf_host"],
                "nextgen_go_live": live.get("nextgen_go_live", ""),
                "go_live_precision": live.get("precision", ""),
                "go_live_source": live.get("where_published", ""),
                "link_item_location": "utilities" if court_id in UTILITIES_LINK_COURTS else "nextgen_menu",
                "login_title": login_title(court_type, short_name, name),
                "clerk_phone": CLERK_PHONES.get(court_id, ""),
                "help_desk_url": HELP_DESK_URLS.get(court_id, ""),
                "pacer_help_url": PACER_HELP_URLS.get(court_id, ""),
            }
        )
    return rows


def write_rows(rows: list[dict[str, str]], output: Path) -> None:
    """Write rows to ``output`` as CSV with a header row and Unix (LF) line endings."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference_dir", nargs="?", type=Path, default=DEFAULT_REFERENCE_DIR)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    rows = build_rows(args.reference_dir)
    write_rows(rows, args.output)
    print(f"wrote {len(rows)} courts to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
