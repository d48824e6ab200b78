"""Render the JSON of bench/run.py runs as the Markdown tables of bench/RESULTS.md.

.venv/bin/python bench/report.py results/pg-10k.json results/pg-100k.json ...
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def queries(figure: dict) -> str:
    low, high = figure["queries"], figure.get("queries_max", figure["queries"])
    return str(low) if low == high else f"{low}–{high}"


def table(run: dict) -> str:
    lines = [
        f"### {run['database'].split(' (')[0]}, {run['claims']:,} claims "
        f"({run['accounts']:,} accounts)",
        "",
        "```sh",
        run.get("command", ""),
        "```",
        "",
        f"{run['archive']}; measured {run['measured_at']}.",
        "",
        "| figure | runs | median ms | p95 ms | queries | floor median ms | ratio to floor |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for figure in run["figures"]:
        lines.append(
            f"| {figure['name']} | {figure['runs']} | {figure['median_ms']:.1f} "
            f"| {figure['p95_ms']:.1f} | {queries(figure)} "
            f"| {figure['floor_median_ms']:.1f} | {figure['ratio']:.2f} |"
        )
    counts = run.get("list_query_counts", {})
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


def main(paths: list[str]) -> None:
    print("\n\n".join(table(json.loads(Path(path).read_text())) for path in paths))


if __name__ == "__main__":
    main(sys.argv[1:])
