"""The tables `make bench` prints: the headline figures side by side with their ceilings and targets, then all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.report import headline, headline_table, table

RESULTS = Path(__file__).resolve().parent.parent / "results" / "latest.json"


def _results(*, api: float = 0.80, web: float = 0.66, page: float = 0.38) -> dict[str, Any]:
    """A whole run's figures: the committed run's, with the audit and purge steps and these ratios set."""
    results: dict[str, Any] = json.loads(RESULTS.read_text())
    ceiling = 100.0
    results["hash_ceiling_per_s"] = ceiling
    for leg in ("sqlite", "postgres"):
        for kind, ratio in (("api", api), ("web", web)):
            results["legs"][leg][kind].update(per_s=ratio * ceiling, ratio=ratio)
    results["legs"]["postgres"]["page"].update(per_s=page * 2000, bare_per_s=2000.0)
    results["page_ratio"] = page
    writes = {"per_s": 0.0, "p50_ms": 1.0, "p99_ms": 2.0}
    results["audit_writes"] = {
        "writers": 32,
        "before": {**writes, "per_s": 84.0},
        "after": {**writes, "per_s": 938.0, "verified": True},
    }
    results["audit_write_ratio"] = 938.0 / 84.0
    results["purge"] = {"rows_per_s": 1.0, "deleted": {}, "purge_seconds": 1.0, "periods": 2, "tables": {}}
    results.pop("reports", None)  # the reports step's rows have their own test (_reports below)
    results["filing"] = {
        "pdf_check": {"megabytes": 34.7, "pages": 354, "median_ms": 83.0, "max_ms": 96.0},
        "docket_race": {"filers": 50, "per_s": 41.0, "numbers_consecutive": True, "errors": []},
        "throughput": {
            "filers": 4,
            "pdf_megabytes": 1.0,
            "per_s": 14.3,
            "p50_ms": 228.0,
            "p99_ms": 834.0,
            "nef_messages_queued": 2,
            "error_count": 0,
        },
    }
    return results


def test_the_headline_puts_each_figure_beside_its_ceiling_and_target() -> None:
    rows = {row["figure"]: row for row in headline(_results())}
    assert list(rows) == [
        "audited writes/s, 32 writers, postgres",
        "login (api), postgres",
        "login (web), postgres",
        "login (api), sqlite",
        "login (web), sqlite",
        "Utilities (by token) vs /healthz, postgres",
    ]
    audit = rows["audited writes/s, 32 writers, postgres"]
    assert (audit["measured"], audit["against"], round(audit["ratio"], 2), audit["met"]) == (
        "after 938/s",
        "before 84/s",
        11.17,
        "met",
    )
    api = rows["login (api), postgres"]
    assert (api["measured"], api["against"], api["target"], api["met"]) == (
        "80.0/s",
        "ceiling 100.0/s",
        {"least": 0.75, "aim": 0.85},
        "met",
    )
    assert rows["login (web), postgres"]["met"] == "met"
    page = rows["Utilities (by token) vs /healthz, postgres"]
    assert (page["measured"], page["against"], page["met"]) == ("760/s", "/healthz 2000/s", "BELOW")


def test_a_ratio_at_the_aim_says_so_and_one_below_the_target_says_below() -> None:
    rows = {row["figure"]: row["met"] for row in headline(_results(api=0.86, web=0.64, page=0.5))}
    assert rows["login (api), postgres"] == "aim met"
    assert rows["login (web), postgres"] == "BELOW"
    assert rows["Utilities (by token) vs /healthz, postgres"] == "aim met"


def test_the_printed_tables_hold_every_headline_figure_and_target() -> None:
    results = _results()
    printed = headline_table(results)
    lines = printed.splitlines()
    assert lines[0].split() == ["figure", "measured", "against", "ratio", "target"]
    assert len(lines) == 7
    assert "login (web), sqlite" in printed and "(target set on postgres)" in printed
    assert ">= 0.75 (aim 0.85)" in printed and ">= 0.65 (aim 0.85)" in printed and ">= 0.40 (aim 0.50)" in printed
    assert "11.17" in printed
    full = table(results)
    assert ">= 0.75 (aim 0.85)" in full and ">= 0.40 (aim 0.50)" in full
    assert "PDF check, 35 MB / 354 pages (ms)" in full and "1..50 consecutive" in full


def _reports(*, large_p50: float, range_ms: float) -> dict[str, Any]:
    def report(shown: int, median: float) -> dict[str, Any]:
        return {
            "entries_shown": shown,
            "median_ms": median,
            "min_ms": median - 1,
            "ms_per_entry": median / shown,
            "bytes": shown * 500,
        }

    lookup = {"p50_ms": 9.0, "p99_ms": 20.0, "control_p50_ms": 7.5, "not_found": 0}
    return {
        "docket_report": {
            "100": report(100, 20.0),
            "1000": report(1_000, 100.0),
            "10000": report(10_000, 1_300.0),
            "range_100_of_10000": report(100, range_ms),
            "range_ratio": range_ms / 20.0,
        },
        "lookups": {
            "small": lookup,
            "large": {**lookup, "p50_ms": large_p50, "control_p50_ms": 8.0},
            "ratio": large_p50 / 9.0,
            "control_ratio": 8.0 / 7.5,
            "ratio_vs_control": large_p50 / 9.0 / (8.0 / 7.5),
            "load_large": {"cases": 990_000, "seconds": 31.0},
        },
    }


def test_reports_at_scale_are_headline_rows_with_a_ceiling_of_1_2() -> None:
    results = {**_results(), "reports": _reports(large_p50=9.9, range_ms=26.0)}
    rows = {row["figure"]: row for row in headline(results)}

    lookup = rows["possible_case_numbers.pl p50, 1M vs 10k cases, postgres"]
    assert (lookup["measured"], lookup["against"], round(lookup["ratio"], 2), lookup["target"], lookup["met"]) == (
        "9.9 ms",
        "9.0 ms",
        1.1,
        {"most": 1.2},
        "met",
    )
    part = rows["Docket Report, entries 5001-5100 of 10,000 vs 100 of 100"]
    assert (part["measured"], part["against"], part["ratio"], part["met"]) == ("26 ms", "20 ms", 1.3, "ABOVE")
    per_entry = rows["Docket Report per entry, 10,000 vs 1,000 entries"]
    assert (per_entry["measured"], per_entry["against"], round(per_entry["ratio"], 2), per_entry["met"]) == (
        "0.130 ms",
        "0.100 ms",
        1.3,
        "ABOVE",
    )
    printed = headline_table(results)
    assert "<= 1.20" in printed and "(control 1.07x; vs control 1.03)" in printed
    full = table(results)
    assert "Docket Report, 10,000 entries: ms, ms/entry" in full and "1300  0.130" in full
    assert "possible_case_numbers.pl at 1,000,000 cases, p50/p99 ms" in full and "9.9/20.0" in full
    assert "bulk load 990,000 cases" in full
