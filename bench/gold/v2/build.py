"""Build bench/gold/v2/reports.jsonl and events.jsonl from the hand-written sources.

The reports are in ``reports.txt`` and the events in ``events.txt``, both in a
small line format described in ``README.md`` so that prose stays prose. This
script finds each named span in its report (the occurrence nearest the quote),
checks that every span is there, derives what follows from the text (a quote
inside quotation marks is direct, one with a speaker is a paraphrase, one
without is the outlet's own voice), and writes character offsets:

    .venv/bin/python bench/gold/v2/build.py
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OPENING_MARKS = "\"\u201c'\u2018"
STANCES = {"asserts", "hedges", "denies", "investigating", "cannot_verify", "retracts"}
ASPECTS = {"killed", "injured", "perpetrator", "characterization", "territorial_control", "other"}
KEYS = {"sp", "cue", "st", "src", "via", "aff", "asp", "means", "un", "n"}


def _find_all(text: str, needle: str) -> list[int]:
    # Whole words only, so "it" is never found inside "city".
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]


def _nearest(text: str, needle: str, anchor: tuple[int, int], where: str) -> dict[str, Any]:
    starts = _find_all(text, needle)
    if not starts:
        raise ValueError(f"{where}: not in the text: {needle!r}")

    def distance(start: int) -> int:
        return max(0, anchor[0] - (start + len(needle)), start - anchor[1])

    start = min(starts, key=distance)
    return {"start": start, "end": start + len(needle), "text": needle}


def _interval(value: str) -> dict[str, Any]:
    """``9-`` is at least nine, ``9-9`` exactly nine, ``~40-40`` about forty."""
    approximate = value.startswith("~")
    low, high = value.lstrip("~").split("-")
    return {
        "min": int(low) if low else None,
        "max": int(high) if high else None,
        "approximate": approximate,
        "unit": "people",
    }


def _account(text: str, line: str, where: str) -> dict[str, Any]:
    quote, *pairs = [part.strip() for part in line.split(" | ")]
    fields: dict[str, str] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key not in KEYS:
            raise ValueError(f"{where}: unknown key {key!r}")
        fields[key] = value
    starts = _find_all(text, quote)
    if len(starts) != 1:
        raise ValueError(f"{where}: quote found {len(starts)} times: {quote!r}")
    q = (starts[0], starts[0] + len(quote))
    speaker = _nearest(text, fields["sp"], q, where) if "sp" in fields else None
    anchor = (min(q[0], speaker["start"]), max(q[1], speaker["end"])) if speaker else q
    stance = fields.get("st", "asserts")
    aspect = fields.get("asp") or None
    if stance not in STANCES or (aspect and aspect not in ASPECTS):
        raise ValueError(f"{where}: bad stance or aspect in {line!r}")
    if q[0] > 0 and text[q[0] - 1] in OPENING_MARKS:
        kind = "direct"
    elif speaker is None:
        kind = "own_voice"
    else:
        kind = "paraphrase"
    source = fields.get("src")
    if source is None and speaker is not None:
        source = speaker["text"].split(",")[0]
    return {
        "quote": {"start": q[0], "end": q[1], "text": quote},
        "quote_kind": kind,
        "stance": stance,
        "speaker": speaker,
        "source": source,
        "unnamed": "un" in fields,
        "affiliation": fields.get("aff") or None,
        "cue": _nearest(text, fields["cue"], anchor, where) if "cue" in fields else None,
        "intermediary": _nearest(text, fields["via"], q, where) if "via" in fields else None,
        "aspect": aspect,
        "interval": _interval(fields["n"]) if "n" in fields else None,
        "names": fields.get("means") or None,
    }


def parse_reports(source: str) -> list[dict[str, Any]]:
    rows = []
    for block in source.split("\n=== ")[1:]:
        header, _, body = block.partition("\n")
        report_id, event, date, style, title = [p.strip() for p in header.split(" | ")]
        prose, _, accounts = body.partition("\n---\n")
        text = prose.strip()
        lines = [line[2:] for line in accounts.splitlines() if line.startswith("> ")]
        rows.append(
            {
                "id": report_id,
                "event": None if event == "-" else event,
                "published": date,
                "style": style,
                "title": title,
                "text": text,
                "accounts": [_account(text, line, report_id) for line in lines],
                "noise": [],
            }
        )
    return rows


def parse_events(source: str) -> list[dict[str, Any]]:
    """One event a line: id | name | place; variant; ... | date or date..date | party; party."""
    events = []
    for line in source.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        event_id, name, places, dates, parties = [p.strip() for p in line.split(" | ")]
        first, _, last = dates.partition("..")
        names = [p.strip() for p in places.split(";")]
        events.append(
            {
                "id": event_id,
                "name": name,
                "place": names[0],
                "place_variants": names[1:],
                "date_start": first,
                "date_end": last or first,
                "parties": [p.strip() for p in parties.split(";") if p.strip()],
            }
        )
    return events


def assign_splits(rows: list[dict[str, Any]]) -> None:
    """Half dev, half test, fixed by a hash of the id rather than by choice."""
    ranked = sorted(rows, key=lambda r: hashlib.sha256(r["id"].encode()).hexdigest())
    held_out = {r["id"] for r in ranked[len(ranked) // 2 :]}
    for row in rows:
        row["split"] = "test" if row["id"] in held_out else "dev"


def main() -> int:
    events = parse_events((HERE / "events.txt").read_text(encoding="utf-8"))
    rows = parse_reports("\n" + (HERE / "reports.txt").read_text(encoding="utf-8"))
    known = {e["id"] for e in events}
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate report id")
    for row in rows:
        if row["event"] and row["event"] not in known:
            raise ValueError(f"{row['id']}: unknown event {row['event']}")
    assign_splits(rows)
    with (HERE / "reports.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (HERE / "events.jsonl").open("w", encoding="utf-8") as handle:
        for event in events:
            handle.write(json.dumps(event, ensure_ascii=False) + "\n")
    dev = sum(1 for r in rows if r["split"] == "dev")
    accounts = sum(len(r["accounts"]) for r in rows)
    print(f"{len(rows)} reports ({dev} dev), {accounts} accounts, {len(events)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
