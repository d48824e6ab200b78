"""Cursor pagination: stable pages while rows are added, and no COUNT query."""

from rest_framework.pagination import CursorPagination


class NewestFirstCursor(CursorPagination):
    # Views set their own default ``ordering``; clients change it with ?ordering=.
    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200
