"""Render the JSON of bench/run.py runs as the Markdown tables of bench/RESULTS.md.

    .venv/bin/python bench/report.py results/pg-10000-r1.json results/pg-10000-r2.json ...

Runs of the same database and size are one table: each time is the median of
the runs' medians (and of their 95th percentiles), each ratio the median of
the runs' ratios with their range beside it, since a ratio is only fair
within the run that measured both sides. Then the issue's targets, checked
against those figures.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

# The targets at the largest PostgreSQL archive.
API_LIST_RATIO = 3.0
SEARCH_P95_MS = 100.0
ADD_ACCOUNT_GROWTH = 1.5


def queries(figures: list[dict]) -> str:
    low = min(f["queries"] for f in figures)
    high = max(f.get("queries_max", f["queries"]) for f in figures)
    return str(low) if low == high else f"{low}–{high}"


def engine(run: dict) -> str:
    return run["database"].split(" (")[0]


def aggregate(runs: list[dict]) -> dict[str, dict]:
    """Per figure: the median over runs of median, p95, floor and ratio, and the ratios' range."""
    by_name: dict[str, list[dict]] = defaultdict(list)
    for run in runs:
        for figure in run["figures"]:
            by_name[figure["name"]].append(figure)
    summary = {}
    for name, figures in by_name.items():
        ratios = [f["ratio"] for f in figures]
        summary[name] = {
            "median_ms": statistics.median(f["median_ms"] for f in figures),
            "p95_ms": statistics.median(f["p95_ms"] for f in figures),
            "p95_ms_worst": max(f["p95_ms"] for f in figures),
            "floor_median_ms": statistics.median(f["floor_median_ms"] for f in figures),
            "ratio": statistics.median(ratios),
            "ratio_low": min(ratios),
            "ratio_high": max(ratios),
            "runs": figures[0]["runs"],
            "queries": queries(figures),
        }
    return summary


def table(runs: list[dict]) -> str:
    first = runs[0]
    summary = aggregate(runs)
    lines = [
        f"### {engine(first)}, {first['claims']:,} claims ({first['accounts']:,} accounts)",
        "",
        "```sh",
        # Where a run wrote its JSON is not part of what it measured.
        first.get("command", "").split(" --json")[0],
        "```",
        "",
        f"{first['archive']}. {len(runs)} runs of the command, "
        f"{', '.join(run['measured_at'] for run in runs)}; times are medians over the runs.",
        "",
        "| figure | timed runs | median ms | p95 ms | queries | floor ms | ratio | ratio range |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figure in summary.items():
        lines.append(
            f"| {name} | {figure['runs']} | {figure['median_ms']:.1f} | {figure['p95_ms']:.1f} "
            f"| {figure['queries']} | {figure['floor_median_ms']:.1f} | {figure['ratio']:.2f} "
            f"| {figure['ratio_low']:.2f}–{figure['ratio_high']:.2f} |"
        )
    counts = first.get("list_query_counts", {})
    if counts:
        sizes = list(next(iter(counts.values())))
        lines += [
            "",
            f"Queries per list at page sizes {', '.join(sizes)}:",
            "",
            "| list | " + " | ".join(f"page {size}" for size in sizes) + " |",
            "|---|" + "---:|" * len(sizes),
        ]
        for url, by_size in counts.items():
            lines.append(f"| `{url}` | " + " | ".join(str(by_size[s]) for s in sizes) + " |")
    return "\n".join(lines)


def targets(groups: dict[tuple[str, int], list[dict]]) -> str:
    """The issue's targets, read off the largest and smallest PostgreSQL archives."""
    sizes = sorted(claims for (name, claims) in groups if name.startswith("PostgreSQL"))
    if not sizes:
        return ""
    (large_key,) = [key for key in groups if key[1] == sizes[-1] and key[0].startswith("Postg")]
    (small_key,) = [key for key in groups if key[1] == sizes[0] and key[0].startswith("Postg")]
    large, small = aggregate(groups[large_key]), aggregate(groups[small_key])
    if "add account" not in large or "add account" not in small or large_key == small_key:
        return ""  # a run of some figures only: the archive-scale targets need them all
    lists = [f for name, f in large.items() if name.startswith("api list")]
    searches = [f for name, f in large.items() if name.startswith("search")]
    growth = large["add account"]["median_ms"] / small["add account"]["median_ms"]
    counts = [by_size for run in groups[large_key] for by_size in run["list_query_counts"].values()]
    constant = all(len(set(by_size.values())) == 1 for by_size in counts)
    worst_ratio = max(f["ratio"] for f in lists)
    worst_p95 = max(f["p95_ms_worst"] for f in searches)

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    return "\n".join(
        [
            f"### Targets at {sizes[-1]:,} claims",
            "",
            "| target | measured | |",
            "|---|---|---|",
            f"| API lists within {API_LIST_RATIO:g}× their floor | worst median ratio "
            f"{worst_ratio:.2f} | {verdict(worst_ratio <= API_LIST_RATIO)} |",
            f"| search p95 under {SEARCH_P95_MS:g} ms | worst p95 of any run "
            f"{worst_p95:.1f} ms | {verdict(worst_p95 < SEARCH_P95_MS)} |",
            f"| adding an account at most {ADD_ACCOUNT_GROWTH:g}× its cost at "
            f"{sizes[0]:,} | {growth:.2f}× ({large['add account']['median_ms']:.1f} ms against "
            f"{small['add account']['median_ms']:.1f} ms) | "
            f"{verdict(growth <= ADD_ACCOUNT_GROWTH)} |",
            f"| list query counts independent of page size | "
            f"{'the same at every page size' if constant else 'vary'} | {verdict(constant)} |",
        ]
    )


# Issue 12's targets (and issue 14's inbox), each ratio to the floor measured in the same run.
RATIO_TARGETS = (
    ("API lists (claims, filtered, open conflicts)",
     ("api list", "api list, filtered", "api list, open conflicts"), 2.0),
    ("API claim and event detail", ("api claim detail", "api event detail"), 2.5),
    ("admin claims list, review queue, search",
     ("admin claims list", "admin review queue", "admin search"), 3.0),
    ("admin inbox and API inbox", ("admin inbox", "api inbox"), 3.0),
    ("admin claim page", ("admin claim page",), 4.0),
)  # fmt: skip
CLAIM_PAGE_MS = 60.0


def ratio_targets(runs: list[dict]) -> str:
    """Each target of RATIO_TARGETS against the median ratios of ``runs``; "" if none measured."""
    summary = aggregate(runs)

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    lines = []
    for label, names, limit in RATIO_TARGETS:
        measured = [(name, summary[name]) for name in names if name in summary]
        if not measured:
            continue
        worst = max(figure["ratio"] for _, figure in measured)
        each = ", ".join(f"{name} {figure['ratio']:.2f}" for name, figure in measured)
        lines.append(f"| {label} | ≤ {limit:g}× | {each} | {verdict(worst <= limit)} |")
    page = summary.get("admin claim page")
    if page is not None:
        ms = page["median_ms"]
        lines.append(
            f"| admin claim page | under {CLAIM_PAGE_MS:g} ms | {ms:.1f} ms | "
            f"{verdict(ms < CLAIM_PAGE_MS)} |"
        )
    counts = [by_size for run in runs for by_size in run.get("list_query_counts", {}).values()]
    if counts:
        constant = all(len(set(by_size.values())) == 1 for by_size in counts)
        lines.append(
            "| query counts flat with page size (lists and the inbox) | the same | "
            f"{'the same at every page size' if constant else 'vary'} | {verdict(constant)} |"
        )
    if not lines:
        return ""
    first = runs[0]
    return "\n".join(
        [
            f"### Targets of issue 12 at {first['claims']:,} claims ({engine(first)}), "
            f"medians of {len(runs)} runs",
            "",
            "| figure | target | measured (median ratio to the floor) | |",
            "|---|---|---|---|",
            *lines,
        ]
    )


def main(paths: list[str]) -> None:
    groups: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for path in paths:
        run = json.loads(Path(path).read_text())
        groups[(engine(run), run["claims"])].append(run)
    ordered = sorted(groups, key=lambda key: (not key[0].startswith("Postgre"), key[1]))
    postgres = [key for key in ordered if key[0].startswith("PostgreSQL")]
    parts = [
        targets(groups),
        ratio_targets(groups[postgres[-1]]) if postgres else "",
        *(table(groups[key]) for key in ordered),
    ]
    print("\n\n".join(part for part in parts if part))


if __name__ == "__main__":
    main(sys.argv[1:])
