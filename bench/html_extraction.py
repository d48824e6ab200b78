"""HTML to article text: tracker's extractor against trafilatura on the saved pages.

    .venv/bin/python bench/html_extraction.py             # the table
    .venv/bin/python bench/html_extraction.py --pages     # and each page's F1
    .venv/bin/python bench/html_extraction.py --json out.json

The pages are bench/html_pages/*.html, each with its expected article text in
the .txt beside it (bench/html_pages/build.py writes both). For each page and
candidate the output is compared with the expected text as bags of word
tokens (lower-cased runs of letters and digits): precision is the share of
output tokens that belong to the article, recall the share of the article's
tokens that came out. Figures are the mean over pages (each page counts the
same) and, for tokens, also pooled over all pages. "Paragraphs exact" is the
share of expected paragraphs found as a paragraph of the output, word for
word: the attribution extractor works paragraph by paragraph, so a paragraph
glued to a caption or a teaser costs more than its token count shows.

The reader tracker had before is tracker/extraction/html_simple.py now (the
fallback); the last row is html_to_text as it is wired, to show the wiring
keeps the winner's figures.

Speed: every page through each candidate, several rounds, the median time
per page on one core.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extraction.html import html_to_text  # noqa: E402
from tracker.extraction.html_simple import simple_html_to_text  # noqa: E402

PAGES = ROOT / "bench" / "html_pages"
TOKEN = re.compile(r"\w+", re.UNICODE)
ROUNDS = 5


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in TOKEN.findall(text))


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*", text) if p.strip()]


def _simple(page: str) -> str:
    return simple_html_to_text(page).text


def _wired(page: str) -> str:
    return html_to_text(page).text


def _trafilatura(**options) -> Callable[[str], str]:
    import trafilatura

    settings = {"include_tables": True} | options

    def run(page: str) -> str:
        return (
            trafilatura.extract(
                page,
                output_format="txt",
                include_comments=False,
                with_metadata=False,
                deduplicate=False,
                **settings,
            )
            or ""
        )

    return run


def candidates() -> dict[str, Callable[[str], str]]:
    # The reader html.py had before trafilatura; it is html_simple.py now.
    found: dict[str, Callable[[str], str]] = {"tracker html.py before (html.parser)": _simple}
    found["trafilatura, default"] = _trafilatura()
    found["trafilatura, favor_precision"] = _trafilatura(favor_precision=True)
    found["trafilatura, favor_recall"] = _trafilatura(favor_recall=True)
    found["trafilatura, no tables"] = _trafilatura(include_tables=False)
    found["trafilatura, favor_recall, no tables"] = _trafilatura(
        favor_recall=True, include_tables=False
    )
    # What tracker.extraction.html_to_text does now: the last row, to check the wiring.
    found["tracker html_to_text as wired"] = _wired
    return found


@dataclass
class PageScore:
    page: str
    precision: float
    recall: float
    f1: float
    paragraphs_exact: float


@dataclass
class Summary:
    candidate: str
    pages: int
    precision: float
    recall: float
    f1: float
    pooled_precision: float
    pooled_recall: float
    pooled_f1: float
    paragraphs_exact: float
    pages_f1_below_90: int
    empty_outputs: int
    ms_per_page: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(name: str, expected: str, got: str) -> tuple[PageScore, Counter, Counter, Counter]:
    want, have = tokens(expected), tokens(got)
    common = want & have
    p = sum(common.values()) / sum(have.values()) if have else 0.0
    r = sum(common.values()) / sum(want.values()) if want else 0.0
    out_paragraphs = set(paragraphs(got))
    expected_paragraphs = paragraphs(expected)
    exact = sum(1 for x in expected_paragraphs if x in out_paragraphs) / len(expected_paragraphs)
    return PageScore(name, p, r, _f1(p, r), exact), want, have, common


def load_pages() -> list[tuple[str, str, str]]:
    pages = []
    for path in sorted(PAGES.glob("*.html")):
        expected = path.with_suffix(".txt").read_text(encoding="utf-8")
        pages.append((path.stem, path.read_text(encoding="utf-8"), expected))
    return pages


def measure(name: str, run: Callable[[str], str], pages) -> tuple[Summary, list[PageScore]]:
    scores: list[PageScore] = []
    want_all: Counter = Counter()
    have_all: Counter = Counter()
    common_all: Counter = Counter()
    empty = 0
    for stem, page, expected in pages:
        got = run(page)
        empty += not got.strip()
        page_score, want, have, common = score(stem, expected, got)
        scores.append(page_score)
        want_all += want
        have_all += have
        common_all += common
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _stem, page, _expected in pages:
            run(page)
        timings.append((time.perf_counter() - start) / len(pages) * 1000)
    pooled_p = sum(common_all.values()) / max(1, sum(have_all.values()))
    pooled_r = sum(common_all.values()) / max(1, sum(want_all.values()))
    summary = Summary(
        candidate=name,
        pages=len(pages),
        precision=statistics.mean(s.precision for s in scores),
        recall=statistics.mean(s.recall for s in scores),
        f1=statistics.mean(s.f1 for s in scores),
        pooled_precision=pooled_p,
        pooled_recall=pooled_r,
        pooled_f1=_f1(pooled_p, pooled_r),
        paragraphs_exact=statistics.mean(s.paragraphs_exact for s in scores),
        pages_f1_below_90=sum(1 for s in scores if s.f1 < 0.9),
        empty_outputs=empty,
        ms_per_page=statistics.median(timings),
    )
    return summary, scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", action="store_true", help="Also print each page's F1.")
    parser.add_argument("--json", type=Path, help="Write the figures to this file.")
    args = parser.parse_args()
    pages = load_pages()
    results = [measure(name, run, pages) for name, run in candidates().items()]
    print(f"{len(pages)} pages in bench/html_pages\n")
    print(
        "| extractor | precision | recall | F1 | pooled P / R / F1 | paragraphs exact "
        "| pages F1 < 0.90 | empty | ms/page |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s, _ in results:
        print(
            f"| {s.candidate} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.pooled_precision:.3f} / {s.pooled_recall:.3f} / {s.pooled_f1:.3f} "
            f"| {s.paragraphs_exact:.3f} | {s.pages_f1_below_90} | {s.empty_outputs} "
            f"| {s.ms_per_page:.2f} |"
        )
    if args.pages:
        names = [s.candidate for s, _ in results]
        print("\nF1 per page: " + " | ".join(names))
        for row in zip(*(scores for _, scores in results), strict=True):
            print(f"{row[0].page:60s} " + "  ".join(f"{x.f1:.3f}" for x in row))
    if args.json:
        data = [
            {"summary": asdict(s), "pages": [asdict(x) for x in scores]} for s, scores in results
        ]
        args.json.write_text(json.dumps(data, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
