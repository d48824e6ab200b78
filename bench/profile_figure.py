"""Where a benchmark figure's time goes: one figure of bench/run.py under pyinstrument.

    .venv/bin/python -m bench.profile_figure --claims 1000000 \
        --database-url postgres://postgres@127.0.0.1:5432/tracker_bench_1m \
        "admin claim page" --runs 50 --html /tmp/claim-page.html

Runs the figure's operation (as bench/run.py builds it, on the same rows)
a few times untimed, then ``--runs`` times under the sampling profiler, and
prints the call tree, shortened to frames that took at least ``--min-share``
of the time. Never writes to the archive: write figures run rolled back, as
in the benchmark itself.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import figures, prepare_archive, setup_django


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("figure", help='A figure of bench/run.py, e.g. "admin claim page".')
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--min-share", type=float, default=0.02, help="Hide frames below this.")
    parser.add_argument(
        "--flat", choices=("self", "total"), help="A flat list of frames by self or total time."
    )
    parser.add_argument(
        "--focus",
        help="Only the time under frames of this function (e.g. render_change_form), merged.",
    )
    parser.add_argument("--depth", type=int, default=6, help="Levels shown under --focus.")
    parser.add_argument("--html", type=Path, help="Also write pyinstrument's HTML page here.")
    return parser.parse_args(argv)


def _label(frame) -> str:
    name = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
    return f"{name}  {frame.file_path_short}:{frame.line_no}"


def _merge(frames: list, depth: int) -> list[tuple[str, float, list]]:
    """The children of ``frames`` merged by function, heaviest first, ``depth`` levels down."""
    if depth == 0:
        return []
    groups: dict[str, list] = {}
    for frame in frames:
        for child in frame.children:
            groups.setdefault(_label(child), []).append(child)
    merged = [
        (label, sum(child.time for child in children), _merge(children, depth - 1))
        for label, children in groups.items()
    ]
    return sorted(merged, key=lambda row: -row[1])


def print_focus(root, arguments: argparse.Namespace) -> None:
    """The call tree under every frame of ``--focus``, merged, as shares of the whole run."""
    found: list = []
    stack = [root]
    while stack:
        frame = stack.pop()
        if frame.function == arguments.focus:
            found.append(frame)  # not below it: a recursive focus is counted once
            continue
        stack.extend(frame.children)
    total = root.time
    under = sum(frame.time for frame in found)
    print(f"{arguments.focus}: {under / total:.1%} of the run ({len(found)} frames)")

    def show(rows, indent: int) -> None:
        for label, time, children in rows:
            if time / total < arguments.min_share:
                continue
            print(f"{'  ' * indent}{time / total:6.1%} {label}")
            show(children, indent + 1)

    show(_merge(found, arguments.depth), 1)


def main(argv: list[str] | None = None) -> None:
    arguments = parse_arguments(argv)
    setup_django(arguments.database_url)
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    from bench.floor import rolled_back
    from bench.run import Subjects

    prepare_archive(arguments.claims, arguments.seed)
    operations = figures(Subjects())
    if arguments.figure not in operations:
        sys.exit(f"bench: no figure {arguments.figure!r}; one of: {', '.join(operations)}")
    operation, write = operations[arguments.figure]
    acts = operation if isinstance(operation, list) else [operation]
    acts = [rolled_back(act) if write else act for act in acts]
    for run in range(arguments.warmup):
        acts[run % len(acts)]()
    # A short interval: a page is tens of milliseconds, and the tree needs many samples.
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for run in range(arguments.runs):
        acts[run % len(acts)]()
    profiler.stop()
    if arguments.focus:
        print_focus(profiler.last_session.root_frame(), arguments)
        return
    renderer = ConsoleRenderer(
        unicode=True,
        time="percent_of_total",
        flat=arguments.flat is not None,
        flat_time=arguments.flat or "self",
        processor_options={"filter_threshold": arguments.min_share},
    )
    print(profiler.output(renderer))
    if arguments.html:
        arguments.html.write_text(profiler.output_html())


if __name__ == "__main__":
    main()
