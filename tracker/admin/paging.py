"""Long lists on an admin page, shown a page at a time.

A document can carry twenty thousand suggestions, an event thousands of
claims. A page that lists them all grows with them (seconds, megabytes), so
each such list reads one page of rows and a count, whatever its length: two
queries. Each list has its own query parameter (``suggestions_page``,
``accounts_page``, …), so paging one keeps the others where they were.

A page number a person can type is untrusted: "abc", "-3" and "99999" show
the nearest page that exists, with a notice saying so, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet

PER_PAGE = 50
# Pages linked on either side of the current one, besides the first and the last.
NEIGHBOURS = 2


@dataclass(frozen=True)
class PageChoice:
    number: int
    # What was wrong with the page asked for, said to the reader; empty if nothing.
    notice: str = ""


def choose_page(raw: str | None, page_count: int) -> PageChoice:
    """The page to show when ``raw`` was asked for, out of ``page_count`` (at least 1)."""
    page_count = max(page_count, 1)
    if raw is None or raw == "":
        return PageChoice(1)
    try:
        number = int(raw.strip())
    except ValueError:
        return PageChoice(1, f"There is no page “{raw[:20]}”; this is page 1.")
    if number < 1:
        return PageChoice(1, f"There is no page {number}; this is page 1.")
    if number > page_count:
        pages = "1 page" if page_count == 1 else f"{page_count:,} pages"
        return PageChoice(page_count, f"There are {pages}; this is the last.")
    return PageChoice(number)


@dataclass(frozen=True)
class PageLink:
    # None marks a gap between linked pages ("…").
    number: int | None
    url: str = ""
    current: bool = False


def page_url(request, param: str, number: int, anchor: str = "") -> str:
    """This page's address with ``param`` set to ``number``, every other parameter kept."""
    query = request.GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}" + (f"#{anchor}" if anchor else "")


def page_links(request, param: str, current: int, page_count: int, anchor: str) -> list[PageLink]:
    """The first page, the last, and the current one with its neighbours; gaps between."""
    if page_count <= 1:
        return []
    shown = {1, page_count, *range(current - NEIGHBOURS, current + NEIGHBOURS + 1)}
    links: list[PageLink] = []
    previous = 0
    for number in sorted(n for n in shown if 1 <= n <= page_count):
        if number > previous + 1:
            links.append(PageLink(None))
        links.append(PageLink(number, page_url(request, param, number, anchor), number == current))
        previous = number
    return links


class Pager:
    """What a pager shows: where the page is, and links to the others.

    ``noun`` names the rows in the summary ("suggestions 1-50 of 20,000", with an en dash);
    ``anchor`` is the id of the list on the page, so a link lands on it.
    """

    def __init__(self, request, *, param: str, noun: str, anchor: str, number: int,
                 page_count: int, first: int, last: int, count: int, notice: str = ""):  # fmt: skip
        self.request = request
        self.param = param
        self.noun = noun
        self.anchor = anchor
        self.number = number
        self.page_count = max(page_count, 1)
        self.first = first
        self.last = last
        self.count = count
        self.notice = notice

    @property
    def summary(self) -> str:
        if not self.count:
            return f"no {self.noun}"
        return f"{self.noun} {self.first:,}–{self.last:,} of {self.count:,}"

    @cached_property
    def links(self) -> list[PageLink]:
        return page_links(self.request, self.param, self.number, self.page_count, self.anchor)

    def _url(self, number: int) -> str:
        return page_url(self.request, self.param, number, self.anchor)

    @property
    def previous_url(self) -> str:
        return self._url(self.number - 1) if self.number > 1 else ""

    @property
    def next_url(self) -> str:
        return self._url(self.number + 1) if self.number < self.page_count else ""


class ListPage(Pager):
    """One page of an ordered queryset: a count and a slice, two queries in all.

    ``count`` may be given when the caller has it already (counted with
    something else in one query), which saves the count.
    """

    def __init__(self, request, rows: QuerySet, *, param: str, noun: str, anchor: str,
                 per_page: int = PER_PAGE, count: int | None = None):  # fmt: skip
        paginator = Paginator(rows, per_page)
        if count is not None:
            # Paginator.count is a cached property: a value set here is used as is.
            paginator.count = count
        choice = choose_page(request.GET.get(param), paginator.num_pages)
        page = paginator.page(choice.number)
        self.items: list[Any] = list(page.object_list)
        super().__init__(
            request,
            param=param,
            noun=noun,
            anchor=anchor,
            number=choice.number,
            page_count=paginator.num_pages,
            first=page.start_index(),
            last=page.end_index(),
            count=paginator.count,
            notice=choice.notice,
        )
