"""The dates a report speaks of, read from its text and anchored on its publication date.

Reports date what they describe loosely: "on 12 March 2024", "March 12",
"on Tuesday", "yesterday", "late Thursday". A full date is taken as written;
a day and month without a year take the publication's year (the previous one
when that would put the date more than a month after publication); a weekday
is the latest such day on or before publication; "yesterday" and "last
night" are the day before. Without a publication date only full dates count.
Pure: no clock, no ORM.
"""

import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = (
    # 2024-03-12
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    # 12 March 2024, 12 March
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.IGNORECASE),
    # March 12, 2024, March 12
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.IGNORECASE),
)
_WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\b(?:yesterday|last\s+night)\b", re.IGNORECASE)
_SAME_DAY = re.compile(r"\b(?:today|this\s+morning|tonight)\b", re.IGNORECASE)

# A day and month with no year further ahead of publication than this are last year's.
FUTURE_SLACK = timedelta(days=31)


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def _full_or_partial(match: re.Match, published: date | None) -> date | None:
    groups = match.groupdict()
    try:
        month, day = _month_number(groups["month"]), int(groups["day"])
        if groups.get("year"):
            return date(int(groups["year"]), month, day)
        if published is None:
            return None
        found = date(published.year, month, day)
        if found - published > FUTURE_SLACK:
            found = date(published.year - 1, month, day)
        return found
    except ValueError:  # 31 February, 29 February in a common year
        return None


def dates_in_text(text: str, published: date | None) -> list[date]:
    """Every date ``text`` names, in order of first mention, each once."""
    found: list[tuple[int, date]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if (day := _full_or_partial(match, published)) is not None:
                found.append((match.start(), day))
    if published is not None:
        for match in _WEEKDAY.finditer(text):
            weekday = WEEKDAYS.index(match.group("weekday").lower())
            back = (published.weekday() - weekday) % 7
            found.append((match.start(), published - timedelta(days=back)))
        for match in _DAY_BEFORE.finditer(text):
            found.append((match.start(), published - timedelta(days=1)))
        for match in _SAME_DAY.finditer(text):
            found.append((match.start(), published))
    ordered: list[date] = []
    for _, day in sorted(found, key=lambda item: item[0]):
        if day not in ordered:
            ordered.append(day)
    return ordered


def days_apart(
    dates: list[date] | tuple[date, ...], start: date | None, end: date | None
) -> int | None:
    """The fewest days between any of ``dates`` and the range ``start``..``end`` (0 inside it)."""
    if start is None or not dates:
        return None
    last = end or start
    return min(
        0 if start <= day <= last else min(abs((day - start).days), abs((day - last).days))
        for day in dates
    )
