"""Which writing systems a text is in, so a report the extractor cannot read says so.

The extractor's rules read English in the Latin script. A report in Arabic
or Cyrillic is stored and searchable like any other, but no accounts are
suggested for it, and the reviewer must be told why rather than see an empty
list. Pure: Unicode character names only.
"""

import unicodedata
from collections import Counter

READ = "LATIN"
# Above this share of its letters in scripts the extractor does not read, a text is
# "mostly" in them; above PART_SHARE a part of it is.
MOSTLY_SHARE = 0.5
PART_SHARE = 0.2
# Enough letters to judge by; the rest of a long text is like its start.
SAMPLE = 20_000


def script_of(character: str) -> str:
    """The first word of the character's Unicode name: LATIN, ARABIC, CYRILLIC, CJK..."""
    name = unicodedata.name(character, "")
    return name.split(" ", 1)[0] if name else ""


def unread_scripts(text: str) -> tuple[float, list[str]]:
    """The share of letters in scripts other than Latin, and those scripts, most used first."""
    counts = Counter(script_of(c) for c in text[:SAMPLE] if c.isalpha())
    letters = sum(counts.values())
    if not letters:
        return 0.0, []
    others = [(script, n) for script, n in counts.most_common() if script != READ]
    return sum(n for _, n in others) / letters, [script.title() for script, _ in others]


def unread_script_note(text: str, *, suggested: int) -> str:
    """A note for the reviewer when much of ``text`` is in a script the extractor does not read."""
    share, scripts = unread_scripts(text)
    if not scripts or share <= PART_SHARE:
        return ""
    named = " and ".join(scripts[:2]) + " script"
    if share > MOSTLY_SHARE and not suggested:
        return (
            f"This text is mostly in {named}, which the extractor does not read: no accounts "
            "were suggested. It is stored and can be searched; add its accounts by hand."
        )
    return (
        f"Part of this text is in {named}, which the extractor does not read: no accounts "
        "were suggested from that part."
    )
