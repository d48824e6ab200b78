"""How names are compared: one key per name, the same in every script and on every database.

SQLite's ``lower()`` and ``NOCASE`` fold ASCII only, so "ÑANDÚ Agency" and
"ñandú agency" were two sources there and one on PostgreSQL. The key is
computed here, in Python, stored next to the name and indexed unique, so both
databases compare exactly the same strings.
"""

import unicodedata


def name_key(name: str) -> str:
    """NFKC, then casefold (NFKC again, since folding can undo it), with whitespace collapsed.

    NFKC makes compatibility forms one (full-width letters, the "fi" ligature),
    casefold folds case beyond ASCII ("Ñ", "ß" -> "ss", final sigma), and
    runs of spaces, tabs or no-break spaces count as one space.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


# The scope of a name that no affiliation narrows: the whole table.
GLOBAL_SCOPE = 0


def label_with_affiliation(name: str, affiliation: str | None) -> str:
    """ "Ahmed Hassan (Ministry of Defence)": a person's name with whom they speak for."""
    return f"{name} ({affiliation})" if affiliation else name
