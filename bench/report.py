"""The table `make bench` prints from bench/results/latest.json's figures, each beside what it is measured against."""

from __future__ import annotations

from typing import Any

from bench import purge as bench_purge


def filing_rows(filing: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    check, race, put = filing["pdf_check"], filing["docket_race"], filing["throughput"]
    return [
        (
            f"PDF check, {check['megabytes']:.0f} MB / {check['pages']} pages (ms)",
            f"{check['median_ms']:.0f}",
            f"max {check['max_ms']:.0f}",
            "",
        ),
        (
            f"docket numbers, {race['filers']} filers at once: per s",
            f"{race['per_s']:.0f}",
            f"1..{race['filers']} consecutive" if race["numbers_consecutive"] and not race["errors"] else "GAP/DUP",
            "",
        ),
        (
            f"filings/s, {put['filers']} filers, {put['pdf_megabytes']:.0f} MB PDF + NEF, p50/p99 ms",
            f"{put['per_s']:.1f}  {put['p50_ms'] or 0:.0f}/{put['p99_ms'] or 0:.0f}",
            f"{put.get('nef_messages_queued', 0)} NEFs, {put['error_count']} errors",
            "",
        ),
    ]


def table(results: dict[str, Any]) -> str:
    rows = [
        ("Argon2id verifications/s (all cores)", f"{results['hash_ceiling_per_s']:.1f}", "ceiling", ""),
        (
            "  per core, beside Keycloak's 15/vCPU",
            f"{results['logins_per_core_per_s']:.1f}",
            f"{results['keycloak_multiple']:.2f}x Keycloak",
            ">= 2x",
        ),
    ]
    for leg in ("sqlite", "postgres"):
        for kind in ("web", "api"):
            figures = results["legs"][leg][kind]
            rows.append(
                (
                    f"{leg} login ({kind}) per s, p50/p99 ms, errors",
                    f"{figures['per_s']:.1f}  {figures['p50_ms']:.0f}/{figures['p99_ms']:.0f}  {figures['errors']}",
                    f"{figures['ratio']:.2f} of ceiling",
                    ">= 0.85",
                )
            )
    link = results["legs"]["postgres"]["link_flow"]
    rows.append(
        (
            "link flows per s (2 hashes each), p50 ms",
            f"{link['per_s']:.1f}  {link['p50_ms']:.0f}",
            f"{results['link_flow_ratio']:.2f} of ceiling/2",
            "",
        )
    )
    page = results["legs"]["postgres"]["page"]
    rows.append(
        (
            "Utilities per s vs /healthz per s",
            f"{page['per_s']:.0f} vs {page['bare_per_s']:.0f}",
            f"{results['page_ratio']:.2f}",
            ">= 0.5",
        )
    )
    rows.append(("Utilities p99 at 70 % load (ms)", f"{results['page_p99_ms']:.1f}", "", ""))
    audit = results["audit_writes"]
    rows.append(
        (
            f"audited writes/s, {audit['writers']} writers: before vs after",
            f"{audit['before']['per_s']:.0f} vs {audit['after']['per_s']:.0f}",
            f"{results['audit_write_ratio']:.1f}x",
            "verified" if audit["after"]["verified"] else "NOT VERIFIED",
        )
    )
    rows.extend(filing_rows(results["filing"]))
    scale = results["scale"]
    rows.append(
        (f"bulk load {scale['accounts']:,} + {scale['accounts']:,} accounts", f"{scale['load_seconds']:.0f} s", "", "")
    )
    rows.append(
        (
            "login / link p50 latency at scale vs 10,000",
            f"{scale['large']['login_p50_ms']:.0f}/{scale['small']['login_p50_ms']:.0f} ms, "
            f"{scale['large']['link_p50_ms']:.0f}/{scale['small']['link_p50_ms']:.0f} ms",
            f"{results['scale_latency_ratio']:.2f}",
            "<= 1.2",
        )
    )
    rows.append(
        (
            "resident memory per worker (MB)",
            f"{results['rss_mb_per_worker']:.0f}",
            f"PSS {results['pss_mb_per_worker']:.0f}",
            "",
        )
    )
    rows.extend(bench_purge.rows(results["purge"]))
    width = max(len(row[0]) for row in rows)
    return "\n".join(f"{a:<{width}}  {b:>24}  {c:>22}  {d}" for a, b, c, d in rows)
