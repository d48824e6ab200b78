"""The geometry of the range chart: one bar per independent source, one axis.

Pure: intervals in, coordinates out, no database and no HTML. The template
``admin/tracker/event/includes/range_chart.html`` draws the result as inline
SVG, so the page needs no script and no external asset, and every label goes
through the template's escaping (source names are user input).

Scaling rules, each tested in tests/admin/test_range_chart.py:

- The axis covers every finite figure and steps in 1, 2 or 5 times a power
  of ten, in whole numbers (counts are integers).
- Zero is on the axis when it is near the figures (the lowest figure is no
  further from zero than the figures are from each other), so bar lengths
  read truly; "1,500 to 2,200" gets an axis from 1,400 rather than from 0.
- There is always a step of room past the highest figure and, when the axis
  does not start at zero, before the lowest: an open end then visibly runs
  on past every figure to the edge, where it fades into an arrow. On an axis
  from zero an open low end simply starts at zero: a count goes no lower.
- A single figure ("exactly 12") is drawn ``POINT_WIDTH`` wide, centred.
- With no finite figure at all ("any number" only) every bar spans the plot
  and the axis has no ticks: there is nothing to measure against.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.conflicts import Interval

CHART_WIDTH = 760
# Left of the plot: each bar's source name and figure.
LABEL_WIDTH = 250
# Room for an arrow between the labels and an open low end, and after an open high end.
EDGE_GAP = 16
ROW_HEIGHT = 36
BAR_HEIGHT = 14
TOP = 8
AXIS_HEIGHT = 30
POINT_WIDTH = 4.0
ARROW = 9.0
# Open ends fade over this many pixels before the arrow.
FADE_WIDTH = 40.0
TARGET_TICKS = 5
LABEL_CHARS = 36

PLOT_LEFT = float(LABEL_WIDTH + EDGE_GAP)
PLOT_RIGHT = float(CHART_WIDTH - EDGE_GAP)


@dataclass(frozen=True)
class BarInput:
    """What the chart needs of one bar; built from a ``CountBar``."""

    label: str
    interval: Interval
    hedged: bool = False
    approximate: bool = False
    consistent: bool = True
    interested: bool = False
    # The figure as its source gave it ("about 2,000"); worded from the interval if empty.
    words: str = ""


@dataclass(frozen=True)
class Axis:
    low: int
    high: int
    step: int
    # False when no bar has a finite figure: then there is nothing to tick.
    labelled: bool = True

    def ticks(self) -> list[int]:
        if not self.labelled:
            return []
        return list(range(self.low, self.high + 1, self.step))


@dataclass(frozen=True)
class Scale:
    axis: Axis
    left: float = PLOT_LEFT
    right: float = PLOT_RIGHT

    def x(self, value: int) -> float:
        fraction = (value - self.axis.low) / (self.axis.high - self.axis.low)
        return round(self.left + fraction * (self.right - self.left), 1)

    def span(self, interval: Interval) -> tuple[float, float]:
        """Where ``interval`` starts and ends on the plot; open ends reach the edges."""
        if interval.low is not None and interval.low == interval.high:
            # A point has no length: give it a visible width, kept inside the plot.
            centre = self.x(interval.low)
            start = min(max(self.left, centre - POINT_WIDTH / 2), self.right - POINT_WIDTH)
            return start, start + POINT_WIDTH
        start = self.left if interval.low is None else self.x(interval.low)
        end = self.right if interval.high is None else self.x(interval.high)
        return start, end


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Band:
    """A horizontal extent; ``open_low``/``open_high`` say it runs to an edge."""

    x: float
    width: float
    open_low: bool
    open_high: bool

    @property
    def end(self) -> float:
        return round(self.x + self.width, 1)


@dataclass(frozen=True)
class BarShape:
    label: str
    value: str
    title: str
    y: float
    band: Band
    hedged: bool
    approximate: bool
    consistent: bool
    interested: bool
    # Arrow heads as SVG polygon points, beyond the open ends.
    low_arrow: str
    high_arrow: str

    @property
    def label_y(self) -> float:
        return self.y + 11

    @property
    def value_y(self) -> float:
        return self.y + 25

    @property
    def height(self) -> int:
        return BAR_HEIGHT

    @property
    def fade_low_x(self) -> float:
        return self.band.x

    @property
    def fade_high_x(self) -> float:
        return round(self.band.end - self.fade_width, 1)

    @property
    def fade_width(self) -> float:
        return round(min(FADE_WIDTH, self.band.width / 2), 1)


@dataclass(frozen=True)
class RangeChart:
    chart_id: str
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    axis_y: float
    label_x: float
    axis: Axis
    ticks: tuple[Tick, ...]
    bars: tuple[BarShape, ...]
    consensus: Band | None
    consensus_text: str
    spread_text: str
    unit: str

    @property
    def plot_height(self) -> float:
        return round(self.axis_y - self.plot_top, 1)


def nice_step(raw: float) -> int:
    """The smallest of 1, 2 or 5 times a power of ten that is at least ``raw``; at least 1."""
    if raw <= 1:
        return 1
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return int(multiple * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def axis_for(intervals: Sequence[Interval]) -> Axis:
    figures = sorted({v for i in intervals for v in (i.low, i.high) if v is not None})
    if not figures:
        return Axis(low=0, high=1, step=1, labelled=False)
    lowest, highest = figures[0], figures[-1]
    spread = highest - lowest
    # With one figure, measure nearness to zero against the figure itself.
    reference = spread if spread > 0 else max(highest, 1)
    start = 0 if lowest <= reference else lowest
    step = nice_step((highest - start) / TARGET_TICKS)
    low = start // step * step
    if low == lowest and low > 0:
        low = max(0, low - step)
    high = -(-highest // step) * step
    if high == highest:
        high += step
    return Axis(low=low, high=high, step=step)


def interval_text(interval: Interval | None, unit: str = "") -> str:
    """The interval in words, as the claims show theirs: "at least 35 people"."""
    if interval is None:
        return "none"
    return interval.describe(unit)


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _band(scale: Scale, interval: Interval) -> Band:
    start, end = scale.span(interval)
    return Band(
        x=round(start, 1),
        width=round(end - start, 1),
        # A count has no figure below zero: an open low end on an axis from
        # zero simply starts there, with nothing further to point at.
        open_low=interval.low is None and scale.axis.low > 0,
        open_high=interval.high is None,
    )


def _arrows(band: Band, y: float) -> tuple[str, str]:
    middle, bottom = y + BAR_HEIGHT / 2, y + BAR_HEIGHT
    low = high = ""
    if band.open_low:
        low = f"{band.x},{y} {band.x - ARROW},{middle} {band.x},{bottom}"
    if band.open_high:
        high = f"{band.end},{y} {band.end + ARROW},{middle} {band.end},{bottom}"
    return low, high


def range_chart(
    *,
    chart_id: str,
    bars: Sequence[BarInput],
    unit: str,
    consensus: Interval | None,
    spread: Interval | None,
    spread_words: str = "",
) -> RangeChart:
    axis = axis_for([bar.interval for bar in bars])
    scale = Scale(axis)
    shapes = []
    for row, bar in enumerate(bars):
        y = float(TOP + row * ROW_HEIGHT + 4)
        band = _band(scale, bar.interval)
        value = bar.words or interval_text(bar.interval, unit)
        notes = [
            note
            for note, applies in (
                ("only hedged", bar.hedged),
                ("approximate, widened by the tolerance", bar.approximate),
                ("its own figures disagree: the bar spans them", not bar.consistent),
                ("a party to the event", bar.interested),
            )
            if applies
        ]
        title = f"{bar.label}: {value}" + (f" ({'; '.join(notes)})" if notes else "")
        low_arrow, high_arrow = _arrows(band, y)
        shapes.append(
            BarShape(
                label=shorten(bar.label),
                # The figure under the name, and whether the source is a party:
                # the bar's colour says it too, but colour alone is not enough.
                value=value + (" · interested" if bar.interested else ""),
                title=title,
                y=y,
                band=band,
                hedged=bar.hedged,
                approximate=bar.approximate,
                consistent=bar.consistent,
                interested=bar.interested,
                low_arrow=low_arrow,
                high_arrow=high_arrow,
            )
        )
    axis_y = float(TOP + len(bars) * ROW_HEIGHT)
    ticks = tuple(Tick(x=scale.x(value), label=f"{value:,}") for value in axis.ticks())
    return RangeChart(
        chart_id=chart_id,
        width=CHART_WIDTH,
        height=int(axis_y) + AXIS_HEIGHT,
        plot_left=PLOT_LEFT,
        plot_right=PLOT_RIGHT,
        plot_top=float(TOP) - 4,
        axis_y=axis_y,
        label_x=float(LABEL_WIDTH),
        axis=axis,
        ticks=ticks,
        bars=tuple(shapes),
        consensus=_band(scale, consensus) if consensus is not None and bars else None,
        consensus_text=interval_text(consensus, unit) if consensus is not None else "",
        spread_text=(spread_words or interval_text(spread, unit)) if spread is not None else "",
        unit=unit,
    )
