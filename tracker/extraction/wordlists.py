"""A helper for the word lists the rules are made of."""


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: word lists read best as prose blocks."""
    return frozenset(text.split())
