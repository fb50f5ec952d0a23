"""Server-side SVG plots (no JavaScript, no library): claims by or about an entity per month."""

from __future__ import annotations

from collections import Counter
from typing import Any

from markupsafe import Markup, escape

__all__ = ["claims_over_time"]

WIDTH, HEIGHT, PAD = 640, 180, 28


def claims_over_time(claims: list[dict[str, Any]], ident: str) -> Markup | None:
    """Stacked monthly bars: claims the entity made (dark) and claims about it (light).

    Months run from the first to the last dated claim, gaps included; None without dates."""
    by: Counter[str] = Counter()
    about: Counter[str] = Counter()
    for claim in claims:
        date = claim.get("date_said") or claim.get("first_reported")
        if not date:
            continue
        speaker = claim.get("claimant") or {}
        made = ident in (speaker.get("qid"), speaker.get("key"))
        (by if made else about)[date[:7]] += 1
    months = _months(sorted(set(by) | set(about)))
    if not months:
        return None
    top = max(by[m] + about[m] for m in months)
    slot = (WIDTH - 2 * PAD) / len(months)
    step = -(-len(months) // 8)  # at most 8 month labels
    scale = (HEIGHT - 2 * PAD) / top
    parts = [f'<svg class="plot" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'role="img" aria-label="claims per month">',
             f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
             'class="axis"/>',
             f'<text x="{PAD - 4}" y="{PAD}" class="tick" text-anchor="end">{top}</text>']
    for i, month in enumerate(months):
        x = PAD + i * slot + slot * 0.15
        base = float(HEIGHT - PAD)
        for count, cls in ((by[month], "by"), (about[month], "about")):
            if count:
                h = count * scale
                base -= h
                parts.append(f'<rect x="{x:.1f}" y="{base:.1f}" width="{slot * 0.7:.1f}" '
                             f'height="{h:.1f}" class="{cls}"><title>{escape(month)}: {count} '
                             f'{cls}</title></rect>')
        if i % step == 0:
            parts.append(f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - PAD + 14}" class="tick" '
                         f'text-anchor="middle">{escape(month)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _months(present: list[str]) -> list[str]:
    if not present:
        return []
    (y, m), (y_end, m_end) = (map(int, present[0].split("-"))), (map(int, present[-1].split("-")))
    out: list[str] = []
    while (y, m) <= (y_end, m_end) and len(out) < 240:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
