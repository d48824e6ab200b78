"""Cursor pagination: stable pages while rows are added, and no COUNT query."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination


class NewestFirstCursor(CursorPagination):
    # Views set their own default ``ordering``; clients change it with ?ordering=.
    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request) -> int:
        # DRF quietly falls back to the default for ?page_size=abc or -3; a
        # client that asked for a size it cannot have should hear so. Above
        # the maximum is still only capped, as the schema says.
        raw = request.query_params.get(self.page_size_query_param, "")
        if raw == "":
            return self.page_size
        if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
            message = f"A whole number of at least 1; pages hold at most {self.max_page_size}."
            raise ValidationError({self.page_size_query_param: [message]})
        return min(int(raw), self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = (
                    f"Rows per page, from 1; more than {self.max_page_size} are capped."
                )
        return parameters
