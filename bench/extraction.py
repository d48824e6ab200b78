"""Benchmark of tracker.extraction: accuracy on the gold set, throughput, memory.

    .venv/bin/python bench/extraction.py            # figures for dev, test and all
    .venv/bin/python bench/extraction.py --errors dev   # also list dev misses
    .venv/bin/python bench/extraction.py --gold v2      # gold set v2, per field
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        .venv/bin/python bench/extraction.py --gold v2 --passes 3   # instructions (I refs)

With ``--gold v2`` (bench/gold/v2, issue 15) the figures are per field, as
bench/extraction_fields.py describes, and the articles for the throughput are
made of the v2 reports.

Accuracy: precision, recall and F1 of speaker, cue and quote spans (exact
offsets, and overlap with one-to-one matching), of accounts (a suggestion
matched to a gold account by overlapping quote) and of stance (a matched
account whose stance is right). Intermediaries, intervals and noise lines are
reported as accuracy/recall. The gold set is bench/gold/reports.jsonl; its
"test" half was held out while the rules were tuned on "dev".

Throughput: articles of about 4 KB (gold reports concatenated) through
``extract`` on one core, median of several runs. Memory: tracemalloc peak of
one pass, and the process's peak resident size.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extraction_fields import (  # noqa: E402
    FIELDS,
    FieldScores,
    Tally,
    learn_aliases,
    score_report,
)
from tracker.extraction import AliasTable, Entity, extract  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "reports.jsonl"
GOLD_V2 = ROOT / "bench" / "gold" / "v2" / "reports.jsonl"
ARTICLE_BYTES = 4096
TARGET_RATE = 150.0
TARGET_MB = 100.0

# A modest names table, so the benchmark pays for alias matching as the app will.
TABLE = AliasTable(
    [
        Entity("is", "Islamic State", ("IS", "ISIS", "ISIL", "Daesh", "Islamic State group")),
        Entity("sdf", "Syrian Democratic Forces", ("SDF",)),
        Entity("sana", "SANA", ("Syrian Arab News Agency",)),
        Entity("reuters", "Reuters", ("Reuters news agency",)),
        Entity("afp", "AFP", ("Agence France-Presse",)),
        Entity("un", "United Nations", ("UN", "U.N.")),
        Entity("sohr", "Syrian Observatory for Human Rights", ("SOHR",)),
        Entity("rsf", "Rapid Support Forces", ("RSF",)),
        Entity("centcom", "US Central Command", ("CENTCOM", "Central Command")),
        Entity("coalition", "US-led coalition", ("U.S.-led coalition", "United States coalition")),
        Entity("deir", "Deir ez-Zor", ("Deir al-Zour", "Deir Ezzor")),
        Entity("pkk", "Kurdistan Workers' Party", ("PKK",)),
        Entity("hamas", "Hamas", ()),
        Entity("hezbollah", "Hezbollah", ("Hizbollah",)),
        Entity("msf", "Medecins Sans Frontieres", ("MSF", "Doctors Without Borders")),
    ]
)


learn_aliases((e.key, (e.name, *e.aliases)) for e in TABLE.entities.values())


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# --- Matching -------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _greedy(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) by largest overlap first."""
    pairs = sorted(
        (
            (_overlap(g, p), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if _overlap(g, p) > 0
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        matched.append((i, j))
    return matched


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp += tp
        self.gold += gold
        self.pred += pred

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _spans(items: Iterable[dict[str, Any] | None]) -> list[tuple[int, int]]:
    return sorted({(s["start"], s["end"]) for s in items if s})


@dataclass
class Scores:
    speaker_exact: Counts
    speaker_overlap: Counts
    cue_exact: Counts
    cue_overlap: Counts
    quote_exact: Counts
    quote_overlap: Counts
    account: Counts
    stance: Counts
    intermediary: Counts
    interval: Counts
    noise: Counts

    @classmethod
    def empty(cls) -> Scores:
        return cls(*(Counts() for _ in range(11)))


def _show(interval: dict[str, Any] | None) -> tuple[Any, ...] | None:
    if not interval:
        return None
    return (interval["min"], interval["max"], interval["approximate"], interval["unit"])


def score(
    report: dict[str, Any], result_dict: dict[str, Any], scores: Scores, errors: list[str] | None
) -> None:
    gold = report["accounts"]
    pred = result_dict["suggestions"]
    for name in ("speaker", "cue", "quote"):
        g = _spans(a[name] for a in gold)
        p = _spans(s[name] for s in pred)
        getattr(scores, f"{name}_exact").add(len(set(g) & set(p)), len(g), len(p))
        getattr(scores, f"{name}_overlap").add(len(_greedy(g, p)), len(g), len(p))
        if errors is not None:
            for span in sorted(set(g) - set(p)):
                errors.append(
                    f"{report['id']} {name} missed : {report['text'][span[0] : span[1]]!r}"
                )
            for span in sorted(set(p) - set(g)):
                errors.append(
                    f"{report['id']} {name} extra  : {report['text'][span[0] : span[1]]!r}"
                )

    # Accounts: a suggestion matches a gold account by overlapping quote; of
    # several on one quote (a toll and an injury count), the aspect decides.
    pairs = sorted(
        (
            (
                _overlap(
                    (g["quote"]["start"], g["quote"]["end"]),
                    (s["quote"]["start"], s["quote"]["end"]),
                ),
                (g.get("aspect") or "") == s["aspect"],
                i,
                j,
            )
            for i, g in enumerate(gold)
            for j, s in enumerate(pred)
        ),
        key=lambda t: (t[1], t[0]),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for overlap, _aspect, i, j in pairs:
        if overlap <= 0 or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        matches.append((i, j))
    scores.account.add(len(matches), len(gold), len(pred))
    right = 0
    for i, j in matches:
        g, s = gold[i], pred[j]
        if g["stance"] == s["stance"]:
            right += 1
        elif errors is not None:
            errors.append(
                f"{report['id']} stance {s['stance']} != {g['stance']}: {g['quote']['text'][:70]!r}"
            )
        g_via, s_via = g["intermediary"], s["intermediary"]
        if g_via or s_via:
            ok = bool(
                g_via
                and s_via
                and _overlap(
                    (g_via["start"], g_via["end"]), (s_via["span"]["start"], s_via["span"]["end"])
                )
            )
            scores.intermediary.add(int(ok), int(bool(g_via)), int(bool(s_via)))
            if not ok and errors is not None:
                errors.append(
                    f"{report['id']} via {s_via['span']['text'] if s_via else None!r} "
                    f"!= {g_via['text'] if g_via else None!r}"
                )
        g_int = g["interval"]
        s_int = (
            s["interval"] if s["aspect"] in ("killed", "injured", "territorial_control") else None
        )
        if g_int or s_int:
            ok = bool(
                g_int
                and s_int
                and (g_int["min"], g_int["max"], g_int["approximate"], g_int["unit"])
                == (s_int["min"], s_int["max"], s_int["approximate"], s_int["unit"])
            )
            scores.interval.add(int(ok), int(bool(g_int)), int(bool(s_int)))
            if not ok and errors is not None:
                errors.append(
                    f"{report['id']} interval {_show(s_int)} != {_show(g_int)}: "
                    f"{g['quote']['text'][:60]!r}"
                )
    scores.stance.add(right, len(gold), len(pred))
    if errors is not None:
        for i, g in enumerate(gold):
            if i not in used_g:
                errors.append(f"{report['id']} account missed: {g['quote']['text'][:90]!r}")
        for j, s in enumerate(pred):
            if j not in used_p:
                errors.append(f"{report['id']} account extra : {s['quote']['text'][:90]!r}")

    g_noise = _spans(report["noise"])
    p_noise = _spans(result_dict["noise"])
    scores.noise.add(len(_greedy(g_noise, p_noise)), len(g_noise), len(p_noise))
    if errors is not None:
        for span in set(p_noise) - set(g_noise):
            errors.append(f"{report['id']} noise extra : {report['text'][span[0] : span[1]]!r}")
        for span in set(g_noise) - set(p_noise):
            errors.append(f"{report['id']} noise missed: {report['text'][span[0] : span[1]]!r}")


def evaluate_fields(
    reports: list[dict[str, Any]], show_errors: str | None
) -> dict[str, FieldScores]:
    by_split = {"dev": FieldScores(), "test": FieldScores(), "all": FieldScores()}
    for report in reports:
        result = extract(
            report["text"], title=report["title"], entities=TABLE, sources=TABLE, strict=True
        ).to_dict()
        errors: list[str] | None = [] if show_errors in (report["split"], "all") else None
        score_report(report, result["suggestions"], by_split[report["split"]], errors)
        score_report(report, result["suggestions"], by_split["all"], None)
        if errors:
            print("\n".join(errors))
    return by_split


def print_fields(by_split: dict[str, FieldScores], reports: list[dict[str, Any]]) -> None:
    for split in ("dev", "test", "all"):
        chosen = [r for r in reports if split == "all" or r["split"] == split]
        accounts = sum(len(r["accounts"]) for r in chosen)
        print(f"\n[{split}] {len(chosen)} reports, {accounts} gold accounts")
        for name in FIELDS:
            print(_row(name, by_split[split][name]))


def evaluate(reports: list[dict[str, Any]], show_errors: str | None) -> dict[str, Scores]:
    by_split: dict[str, Scores] = {
        "dev": Scores.empty(),
        "test": Scores.empty(),
        "all": Scores.empty(),
    }
    for report in reports:
        result = extract(
            report["text"], title=report["title"], entities=TABLE, sources=TABLE, strict=True
        ).to_dict()
        errors: list[str] | None = [] if show_errors in (report["split"], "all") else None
        score(report, result, by_split[report["split"]], errors)
        score(report, result, by_split["all"], None)
        if errors:
            print("\n".join(errors))
    return by_split


# --- Speed and memory -----------------------------------------------------


def build_articles(reports: list[dict[str, Any]], count: int = 60) -> list[str]:
    """Articles of about 4 KB, each a run of gold reports from a different start."""
    texts = [r["text"] for r in reports]
    articles = []
    for n in range(count):
        parts: list[str] = []
        size = 0
        k = n
        while size < ARTICLE_BYTES:
            part = texts[k % len(texts)]
            parts.append(part)
            size += len(part.encode("utf-8")) + 2
            k += 1
        article = "\n\n".join(parts).encode("utf-8")[:ARTICLE_BYTES].decode("utf-8", "ignore")
        articles.append(article)
    return articles


def throughput(articles: list[str], runs: int = 5) -> tuple[list[float], list[float]]:
    """Articles per second by CPU time (this process, one thread) and by wall clock.

    CPU time is the "one core" figure: on a shared machine the wall clock
    also counts time spent waiting for a core.
    """
    for article in articles[:5]:  # warm up imports and regex caches
        extract(article, entities=TABLE, sources=TABLE)
    cpu_rates = []
    wall_rates = []
    for _ in range(runs):
        gc.collect()
        wall = time.perf_counter()
        cpu = time.process_time()
        for article in articles:
            extract(article, entities=TABLE, sources=TABLE)
        cpu_rates.append(len(articles) / (time.process_time() - cpu))
        wall_rates.append(len(articles) / (time.perf_counter() - wall))
    return cpu_rates, wall_rates


def memory(articles: list[str]) -> tuple[float, float]:
    gc.collect()
    tracemalloc.start()
    results = [extract(article, entities=TABLE, sources=TABLE) for article in articles]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del results
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return peak / 2**20, maxrss_kb / 1024


# --- Report ---------------------------------------------------------------


def _row(name: str, counts: Counts | Tally) -> str:
    p, r, f = counts.prf()
    figures = f"P {p:5.3f}  R {r:5.3f}  F1 {f:5.3f}"
    return f"  {name:<18} {figures}   (tp {counts.tp}, gold {counts.gold}, pred {counts.pred})"


def print_scores(by_split: dict[str, Scores], reports: list[dict[str, Any]]) -> None:
    for split in ("dev", "test", "all"):
        chosen = [r for r in reports if split == "all" or r["split"] == split]
        accounts = sum(len(r["accounts"]) for r in chosen)
        s = by_split[split]
        print(f"\n[{split}] {len(chosen)} reports, {accounts} gold accounts")
        print(_row("speaker exact", s.speaker_exact))
        print(_row("speaker overlap", s.speaker_overlap))
        print(_row("cue exact", s.cue_exact))
        print(_row("cue overlap", s.cue_overlap))
        print(_row("quote exact", s.quote_exact))
        print(_row("quote overlap", s.quote_overlap))
        print(_row("account", s.account))
        print(_row("stance", s.stance))
        print(_row("intermediary", s.intermediary))
        print(_row("interval", s.interval))
        print(_row("noise lines", s.noise))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", choices=("dev", "test", "all"), help="list the misses of one split"
    )
    parser.add_argument("--runs", type=int, default=5, help="throughput runs (median reported)")
    parser.add_argument("--no-speed", action="store_true", help="accuracy only")
    parser.add_argument("--gold", choices=("v1", "v2"), default="v1", help="which gold set")
    parser.add_argument(
        "--passes",
        type=int,
        help="only extract the articles this many times (after 5 to warm up), for an "
        "instruction count under valgrind that the machine's load does not move",
    )
    args = parser.parse_args(argv)

    if args.passes is not None:
        articles = build_articles(load_gold(GOLD_V2 if args.gold == "v2" else GOLD))
        for article in articles[:5]:
            extract(article, entities=TABLE, sources=TABLE)
        for _ in range(args.passes):
            for article in articles:
                extract(article, entities=TABLE, sources=TABLE)
        return 0

    if args.gold == "v2":
        reports = load_gold(GOLD_V2)
        print_fields(evaluate_fields(reports, args.errors), reports)
    else:
        reports = load_gold()
        print_scores(evaluate(reports, args.errors), reports)
    if args.no_speed:
        return 0
    articles = build_articles(reports)
    sizes = [len(a.encode("utf-8")) for a in articles]
    cpu_rates, wall_rates = throughput(articles, args.runs)
    traced_mb, maxrss_mb = memory(articles)
    runs = ", ".join(f"{r:,.0f}" for r in cpu_rates)
    print(
        f"\n[speed] {len(articles)} articles of {statistics.mean(sizes) / 1024:.1f} KB, "
        f"one thread, {args.runs} runs"
    )
    print(
        f"  throughput (CPU)   {statistics.median(cpu_rates):,.0f} articles/s median "
        f"(runs: {runs})  target >= {TARGET_RATE:.0f}"
    )
    print(
        f"  throughput (wall)  {statistics.median(wall_rates):,.0f} articles/s median "
        "(on a shared machine this includes waiting for a core)"
    )
    print(
        f"  memory             tracemalloc peak {traced_mb:.1f} MB for one pass; "
        f"process max RSS {maxrss_mb:.1f} MB  target < {TARGET_MB:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
