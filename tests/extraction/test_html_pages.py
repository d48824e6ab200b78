"""The saved pages of bench/html_pages: html_to_text keeps its benchmark figures.

bench/html_extraction.py measures and explains; this guards the wiring and
the choice against a change of reader, option or version that loses them.
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from html_extraction import load_pages, score  # noqa: E402

from tracker.extraction import html_to_text  # noqa: E402
from tracker.extraction.html_simple import simple_html_to_text  # noqa: E402

PAGES = load_pages()


def _mean_f1(reader) -> float:
    return sum(
        score(stem, expected, reader(page).text)[0].f1 for stem, page, expected in PAGES
    ) / len(PAGES)


def test_there_are_at_least_30_pages_each_with_its_text():
    assert len(PAGES) >= 30
    assert all(expected.strip() for _, _, expected in PAGES)


def test_html_to_text_beats_the_simple_reader_by_the_benchmarks_margin():
    wired, simple = _mean_f1(html_to_text), _mean_f1(simple_html_to_text)
    assert wired >= 0.94
    assert wired - simple >= 0.2


@pytest.mark.parametrize("stem,page,expected", PAGES[:12], ids=[p[0] for p in PAGES[:12]])
def test_every_layout_keeps_the_whole_story(stem, page, expected):
    # The first twelve pages are one of each layout.
    assert score(stem, expected, html_to_text(page).text)[0].recall >= 0.99
