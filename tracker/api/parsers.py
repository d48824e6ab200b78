"""The one body format the API reads: JSON, bounded in size and depth.

DRF reads a JSON body through ``request.body``, where Django enforces
``DATA_UPLOAD_MAX_MEMORY_SIZE`` (12 MB) before reading it; the exception
handler turns that refusal into a 413. A pathologically nested body makes
``json`` raise RecursionError, which is not a ValueError and would otherwise
be a 500.
"""

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError("JSON parse error - the body is nested too deeply.") from error
