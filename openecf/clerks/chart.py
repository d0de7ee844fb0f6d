"""The linking progress chart, drawn by the app as SVG: no script, no third party, readable without colour."""

from __future__ import annotations

from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36


def progress_svg(series: list[tuple[date, int]], total: int) -> SafeString:
    """Linked accounts day by day (a line) against all active accounts (a dashed line at the top)."""
    if not series:
        return mark_safe("")
    top = max(total, series[-1][1], 1)
    days = max(len(series) - 1, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + plot_w * index / days

    def y(value: int) -> float:
        return TOP + plot_h * (1 - value / top)

    points = " ".join(f"{x(i):.1f},{y(value):.1f}" for i, (_day, value) in enumerate(series))
    if len(series) == 1:
        points = f"{x(0):.1f},{y(series[0][1]):.1f} {x(1):.1f},{y(series[0][1]):.1f}"
    first, last = series[0][0], series[-1][0]
    linked = series[-1][1]
    title = f"Linked CM/ECF accounts: {linked} of {total}, from {first:%m/%d/%Y} to {last:%m/%d/%Y}"
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" class="axis"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" class="axis"/>',
        f'<line x1="{LEFT}" y1="{y(total):.1f}" x2="{WIDTH - RIGHT}" y2="{y(total):.1f}" class="total"/>',
        f'<text x="{LEFT - 6}" y="{y(total) + 4:.1f}" text-anchor="end">{total}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_h + 4}" text-anchor="end">0</text>',
        f'<polyline points="{points}" class="linked" data-linked="{linked}"/>',
        f'<text x="{LEFT}" y="{HEIGHT - 10}">{first:%m/%d/%Y}</text>',
        f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 10}" text-anchor="end">{last:%m/%d/%Y}</text>',
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - numbers and dates we computed; the title is escaped
