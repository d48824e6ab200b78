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
from django.forms.models import BaseInlineFormSet

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
    """One page of an ordered queryset: a count and a slice, two queries at most.

    ``count`` may be given when the caller has it already (counted with
    something else in one query), which saves the count. A first page with
    room to spare is the whole list, so it needs no count either: the short
    lists most pages show cost one query, as they did before paging.
    """

    def __init__(self, request, rows: QuerySet, *, param: str, noun: str, anchor: str,
                 per_page: int = PER_PAGE, count: int | None = None):  # fmt: skip
        raw = request.GET.get(param)
        items: list[Any] | None = None
        if count is None and (raw is None or raw.strip() in ("", "1")):
            items = list(rows[:per_page])
            if len(items) < per_page:
                count = len(items)
        paginator = Paginator(rows, per_page)
        if count is not None:
            # Paginator.count is a cached property: a value set here is used as is.
            paginator.count = count
        choice = choose_page(raw, paginator.num_pages)
        page = paginator.page(choice.number)
        if count == 0:
            items = []
        elif items is None or choice.number != 1:
            items = list(page.object_list)
        self.items = items
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


class PagedInlineFormSet(BaseInlineFormSet):
    """An inline formset that shows, and saves, one page of its parent's rows.

    The page comes from the request (``PagedInline`` hands it over) and the
    change form posts back to the same address, so a save covers the rows
    that were shown. A row that moved to another page in between (someone
    removed one before it) is still found by its id among the parent's rows.
    """

    page_request = None
    page_param = "page"
    noun = "rows"
    per_page = PER_PAGE
    pager: ListPage | None = None

    def get_queryset(self):
        if hasattr(self, "_queryset"):
            return self._queryset
        rows = super().get_queryset()
        if self.page_request is None or self.instance.pk is None:
            return rows
        self.pager = ListPage(
            self.page_request,
            rows,
            param=self.page_param,
            noun=self.noun,
            anchor=f"{self.prefix}-group",
            per_page=self.per_page,
        )
        self._queryset = self.pager.items
        return self._queryset

    def _existing_object(self, pk):
        found = super()._existing_object(pk)
        if found is None and self.instance.pk is not None:
            found = self.model._default_manager.filter(
                **{self.fk.name: self.instance}, pk=pk
            ).first()
        return found


class PagedInline:
    """An inline of a page of rows at a time (see ``PagedInlineFormSet``).

    ``page_param`` names the page in the address; ``per_page`` is the page size.
    """

    formset = PagedInlineFormSet
    template = "admin/tracker/edit_inline/paged_tabular.html"
    page_param = "page"
    per_page = PER_PAGE

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(
            formset.__name__,
            (formset,),
            {
                "page_request": request,
                "page_param": self.page_param,
                "per_page": self.per_page,
                "noun": str(self.model._meta.verbose_name_plural),
            },
        )
