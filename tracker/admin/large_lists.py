"""What keeps an admin list fast when its table holds millions of rows.

Django's changelist counts its rows twice, the filtered list and the whole
table, each with ``COUNT(*)``: on PostgreSQL that reads every row. Here the
filtered list is counted exactly only up to ``EXACT_UP_TO`` rows (a count of
a LIMITed subquery, so never the whole table); beyond that the count is
PostgreSQL's own estimate of the query's rows (``EXPLAIN``), shown as
"about N". SQLite, the embedded database, counts exactly: it has no
estimate to offer and counts a table of that size quickly.

A related-field filter lists every row of the related table; on a list of
claims, that is every event, and a filter by the source of an account lists
every source that ever spoke (thousands, each checked against millions of
accounts). ``RecentEventFilter`` and ``RecentSourceFilter`` list the latest
ones and the one chosen; any other is one link away, from its own page or
the search.
"""

import json
from functools import cached_property

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet, Subquery

from tracker import selectors
from tracker.models import Account, Event, Source

EXACT_UP_TO = 1000
RECENT_EVENTS = 20
RECENT_SOURCES = 20
# The sources of this many of the latest accounts are the "recent" ones.
RECENT_ACCOUNTS = 500


def estimated_rows(queryset: QuerySet) -> int:
    """PostgreSQL's estimate of how many rows ``queryset`` returns, without running it."""
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """A paginator whose count never reads a whole large table (see the module docstring)."""

    exact_up_to = EXACT_UP_TO

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().count
        # Only the rows matter, not their order or their annotated columns.
        rows = queryset.order_by().values("pk")
        bounded = rows[: self.exact_up_to + 1].count()
        if bounded <= self.exact_up_to:
            return bounded
        if connections[queryset.db].vendor != "postgresql":
            return rows.count()
        self.count_is_estimate = True
        return max(estimated_rows(rows), self.exact_up_to + 1)

    count_is_estimate = False


class RecentChoicesFilter(admin.SimpleListFilter):
    """A filter by one related row that offers only the latest rows, and the one chosen.

    Subclasses say which rows are recent (``recent``, as (pk, name) pairs),
    how to name a chosen one that is not among them (``chosen``), and how to
    filter by it (``filter_by``). A value that is not an id matches nothing.
    """

    def recent(self) -> list[tuple[int, str]]:
        raise NotImplementedError

    def chosen(self, pk: int) -> list[tuple[int, str]]:
        raise NotImplementedError

    def filter_by(self, queryset: QuerySet, pk: int) -> QuerySet:
        raise NotImplementedError

    def lookups(self, request, model_admin):
        offered = self.recent()
        value = self.value()
        if value and value.isdigit() and int(value) not in {pk for pk, _ in offered}:
            offered = self.chosen(int(value)) + offered
        return [(str(pk), name) for pk, name in offered]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return self.filter_by(queryset, int(value))


class RecentEventFilter(RecentChoicesFilter):
    """Claims about one event, offering the latest events and the one chosen.

    The parameter is the one Django's own related filter uses, so links to
    "claims of this event" keep working.
    """

    title = "event"
    parameter_name = "event__id__exact"

    def recent(self):
        return list(Event.objects.order_by("-pk").values_list("pk", "name")[:RECENT_EVENTS])

    def chosen(self, pk):
        return list(Event.objects.filter(pk=pk).values_list("pk", "name"))

    def filter_by(self, queryset, pk):
        return queryset.filter(event_id=pk)


class RecentSourceFilter(RecentChoicesFilter):
    """Claims with an account by one source, offering the sources of the latest accounts."""

    title = "source"
    parameter_name = "source"

    def recent(self):
        latest = Account.objects.order_by("-pk").values("source_id")[:RECENT_ACCOUNTS]
        return list(
            Source.objects.filter(pk__in=Subquery(latest))
            .order_by("name")
            .values_list("pk", "display_name")[:RECENT_SOURCES]
        )

    def chosen(self, pk):
        return list(Source.objects.filter(pk=pk).values_list("pk", "display_name"))

    def filter_by(self, queryset, pk):
        return selectors.claims_with_account_by(queryset, pk)
