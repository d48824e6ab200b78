"""The track-record chart's geometry (tracker/admin/track_record_chart.py): pure, no database."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.admin.track_record_chart import (
    PLOT_BOTTOM,
    PLOT_LEFT,
    PLOT_RIGHT,
    PLOT_TOP,
    track_record_chart,
    y_axis_top,
)
from tracker.selectors.track_record import QuarterTally, Tally, TrackRecord
from tracker.vocabularies import VerificationStatus

S = VerificationStatus


def tally(*, retracted: int = 0, **statuses: int) -> Tally:
    counts = {status: statuses.get(status, 0) for status in S.values}
    return Tally(asserted=sum(counts.values()), statuses=counts, retracted=retracted)


def record(*tallies: Tally, first=(2024, 1)) -> TrackRecord:
    year, quarter = first
    quarters = []
    for t in tallies:
        quarters.append(QuarterTally(year=year, quarter=quarter, tally=t))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return TrackRecord(source_id=1, affiliation=False, quarters=tuple(quarters), total=Tally())


@pytest.mark.parametrize(
    ("tallest", "top", "step"),
    [(0, 1, 1), (1, 2, 1), (4, 5, 1), (8, 10, 2), (10, 15, 5), (37, 40, 10), (1234, 1500, 500)],
)
def test_the_axis_has_room_above_the_tallest_column(tallest, top, step):
    assert y_axis_top(tallest) == (top, step)


def test_a_column_stacks_verdicts_from_the_bottom_and_awaiting_on_top():
    chart = track_record_chart(
        chart_id="c",
        record=record(tally(confirmed=2, false=1, unverified=1, in_review=1, retracted=1)),
    )
    (column,) = chart.columns
    assert [s.status for s in column.segments] == ["confirmed", "false", "awaiting"]
    assert [s.count for s in column.segments] == [2, 1, 2]
    # Axis 0 to 6 over 170 px: each claim is 170/6 px; the stack touches the axis.
    bottom = column.segments[0]
    assert bottom.y + bottom.height == pytest.approx(PLOT_BOTTOM, abs=0.1)
    for lower, upper in zip(column.segments, column.segments[1:], strict=False):
        assert upper.y + upper.height == pytest.approx(lower.y, abs=0.1)
    top = column.segments[-1].y
    assert top == pytest.approx(PLOT_BOTTOM - 5 / 6 * (PLOT_BOTTOM - PLOT_TOP), abs=0.1)
    assert column.retracted_height == pytest.approx((PLOT_BOTTOM - PLOT_TOP) / 6, abs=0.1)
    assert column.retracted_x == pytest.approx(column.x + column.width, abs=0.1)
    assert "2024 Q1: 5 asserted; confirmed 2; false 1; awaiting a verdict 2; retracted 1" in (
        column.title
    )


def test_columns_share_the_plot_and_stay_inside_it():
    chart = track_record_chart(chart_id="c", record=record(*[tally(confirmed=1)] * 7))
    assert len(chart.columns) == 7
    xs = [c.x for c in chart.columns]
    assert xs == sorted(xs)
    assert chart.columns[0].x >= PLOT_LEFT
    last = chart.columns[-1]
    assert last.retracted_x + last.retracted_width <= PLOT_RIGHT
    assert [c.axis_label for c in chart.columns][:2] == ["2024 Q1", "2024 Q2"]


def test_with_many_quarters_only_each_year_is_labelled():
    chart = track_record_chart(chart_id="c", record=record(*[tally()] * 24, first=(2019, 3)))
    labels = [c.axis_label for c in chart.columns if c.axis_label]
    assert labels == ["2019", "2020", "2021", "2022", "2023", "2024", "2025"]


def test_an_empty_quarter_has_no_shapes_and_an_empty_record_no_columns():
    chart = track_record_chart(chart_id="c", record=record(tally(confirmed=1), tally()))
    assert chart.columns[1].segments == () and chart.columns[1].retracted == 0
    assert track_record_chart(chart_id="c", record=record()).columns == ()
    assert [t.label for t in track_record_chart(chart_id="c", record=record()).ticks] == ["0", "1"]


counts = st.integers(min_value=0, max_value=50_000)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(counts, counts, counts, counts, counts, counts, counts, counts),
        min_size=1,
        max_size=60,
    )
)
def test_every_column_is_as_tall_as_its_count_and_stays_in_the_plot(quarters):
    tallies = [
        tally(
            confirmed=a, corroborated=b, disputed=c, false=d, unverifiable=e, unverified=f,
            in_review=g, retracted=r,
        )
        for a, b, c, d, e, f, g, r in quarters
    ]  # fmt: skip
    chart = track_record_chart(chart_id="c", record=record(*tallies))
    top = int(chart.ticks[-1].label.replace(",", ""))
    per_claim = (PLOT_BOTTOM - PLOT_TOP) / top
    for column, t in zip(chart.columns, tallies, strict=True):
        assert sum(s.count for s in column.segments) == t.asserted
        stacked = sum(s.height for s in column.segments)
        # Each segment is rounded to a tenth of a pixel.
        assert stacked == pytest.approx(t.asserted * per_claim, abs=0.1 * len(column.segments))
        assert column.retracted_height == pytest.approx(t.retracted * per_claim, abs=0.1)
        for segment in column.segments:
            assert segment.y >= PLOT_TOP and segment.y + segment.height <= PLOT_BOTTOM + 0.1
        assert column.retracted_y >= PLOT_TOP
        assert column.x >= PLOT_LEFT
        assert column.retracted_x + column.retracted_width <= PLOT_RIGHT + 0.1
