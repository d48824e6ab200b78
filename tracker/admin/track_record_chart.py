"""The geometry of a source's track-record chart: one column per quarter.

Pure: a ``TrackRecord`` in, coordinates out. The template
``admin/tracker/source/includes/track_record.html`` draws it as inline SVG,
like the range chart (``range_chart.py``): no script, no external asset.

Each quarter's column stacks the claims asserted in it by their status now,
verdicts from the bottom (confirmed, corroborated, disputed, false, could not
verify) and those still awaiting one on top; a narrow column beside it counts
the claims retracted in that quarter. The y axis steps in 1, 2 or 5 times a
power of ten and always has room above the tallest column. With more quarters
than fit a label each, only each year's first quarter is labelled.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.admin.range_chart import nice_step
from tracker.selectors.track_record import VERDICTS, QuarterTally, TrackRecord

CHART_WIDTH = 760
CHART_HEIGHT = 220
PLOT_LEFT = 48.0
PLOT_RIGHT = float(CHART_WIDTH - 8)
PLOT_TOP = 10.0
PLOT_BOTTOM = 180.0
TARGET_TICKS = 4
# A label per quarter while they fit ("2024 Q1" needs about this much room).
LABEL_ROOM = 52.0
# Of each quarter's slot: the status column, then the retracted column.
COLUMN_SHARE = 0.55
RETRACTED_SHARE = 0.2

AWAITING_STATUS = "awaiting"
# The stacking order, bottom up, and the legend's order.
STACK = (*(s.value for s in VERDICTS), AWAITING_STATUS)
STACK_LABELS = {**{s.value: s.label for s in VERDICTS}, AWAITING_STATUS: "Awaiting a verdict"}


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    y: float
    height: float


@dataclass(frozen=True)
class Column:
    label: str
    # Shown under the axis; empty when quarters are too many to label each.
    axis_label: str
    title: str
    x: float
    width: float
    segments: tuple[Segment, ...]
    retracted_x: float
    retracted_width: float
    retracted_y: float
    retracted_height: float
    retracted: int

    @property
    def centre(self) -> float:
        return round(self.x + (self.width + self.retracted_width) / 2, 1)


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class TrackRecordChart:
    chart_id: str
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    ticks: tuple[Tick, ...]
    columns: tuple[Column, ...]
    legend: tuple[tuple[str, str], ...]


def y_axis_top(tallest: int) -> tuple[int, int]:
    """The axis's top value and step: a whole step above the tallest column."""
    step = nice_step(max(tallest, 1) / TARGET_TICKS)
    return (tallest // step + 1) * step, step


def _title(quarter: QuarterTally) -> str:
    t = quarter.tally
    parts = [f"{quarter.label}: {t.asserted:,} asserted"]
    parts += [f"{label.lower()} {count:,}" for _, label, count in t.verdict_counts() if count]
    if t.awaiting:
        parts.append(f"awaiting a verdict {t.awaiting:,}")
    if t.retracted:
        parts.append(f"retracted {t.retracted:,}")
    if t.figures:
        parts.append(f"outlying figures {t.outliers:,} of {t.figures:,}")
    return "; ".join(parts)


def _counts(quarter: QuarterTally) -> list[tuple[str, int]]:
    t = quarter.tally
    return [(status, t.statuses[status]) for status in STACK[:-1]] + [(AWAITING_STATUS, t.awaiting)]


def track_record_chart(*, chart_id: str, record: TrackRecord) -> TrackRecordChart:
    quarters = record.quarters
    tallest = max((max(q.tally.asserted, q.tally.retracted) for q in quarters), default=0)
    top, step = y_axis_top(tallest)
    plot_height = PLOT_BOTTOM - PLOT_TOP

    def y_of(value: float) -> float:
        return round(PLOT_BOTTOM - value / top * plot_height, 1)

    slot = (PLOT_RIGHT - PLOT_LEFT) / max(len(quarters), 1)
    label_each = slot >= LABEL_ROOM
    columns = []
    for index, quarter in enumerate(quarters):
        x = PLOT_LEFT + index * slot + slot * (1 - COLUMN_SHARE - RETRACTED_SHARE) / 2
        width = slot * COLUMN_SHARE
        segments, stacked = [], 0
        for status, count in _counts(quarter):
            if count:
                segments.append(
                    Segment(
                        status=status,
                        label=STACK_LABELS[status],
                        count=count,
                        y=y_of(stacked + count),
                        height=round(y_of(stacked) - y_of(stacked + count), 1),
                    )
                )
                stacked += count
        retracted = quarter.tally.retracted
        columns.append(
            Column(
                label=quarter.label,
                axis_label=quarter.label
                if label_each
                else (str(quarter.year) if quarter.quarter == 1 or index == 0 else ""),
                title=_title(quarter),
                x=round(x, 1),
                width=round(width, 1),
                segments=tuple(segments),
                retracted_x=round(x + width, 1),
                retracted_width=round(slot * RETRACTED_SHARE, 1),
                retracted_y=y_of(retracted),
                retracted_height=round(PLOT_BOTTOM - y_of(retracted), 1),
                retracted=retracted,
            )
        )
    ticks = tuple(Tick(y=y_of(value), label=f"{value:,}") for value in range(0, top + 1, step))
    return TrackRecordChart(
        chart_id=chart_id,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        plot_left=PLOT_LEFT,
        plot_right=PLOT_RIGHT,
        plot_top=PLOT_TOP,
        plot_bottom=PLOT_BOTTOM,
        ticks=ticks,
        columns=tuple(columns),
        legend=(*((s, STACK_LABELS[s]) for s in STACK), ("retracted", "Retracted")),
    )
