"""The range chart's geometry (tracker/admin/range_chart.py): pure, no database."""

import pytest

from tracker.admin.range_chart import (
    PLOT_LEFT,
    PLOT_RIGHT,
    POINT_WIDTH,
    Axis,
    BarInput,
    Scale,
    axis_for,
    interval_text,
    nice_step,
    range_chart,
)
from tracker.conflicts import Interval


def chart(*intervals: Interval, consensus: Interval | None = None, **bar_kwargs):
    bars = [
        BarInput(label=f"Source {n}", interval=i, **bar_kwargs) for n, i in enumerate(intervals)
    ]
    return range_chart(chart_id="c", bars=bars, unit="people", consensus=consensus, spread=None)


@pytest.mark.parametrize(
    ("raw", "step"),
    [(0, 1), (0.4, 1), (1, 1), (1.2, 2), (3, 5), (7, 10), (10, 10), (11, 20), (140, 200)],
)
def test_nice_steps_are_whole_one_two_five(raw, step):
    assert nice_step(raw) == step


@pytest.mark.parametrize(
    ("intervals", "axis"),
    [
        pytest.param([Interval(35, 35)], Axis(0, 40, 10), id="one figure: zero is near"),
        pytest.param([Interval(0, 0)], Axis(0, 1, 1), id="zero alone"),
        pytest.param([Interval(0, 4)], Axis(0, 5, 1), id="from zero"),
        # The seed: 31 and 35 are far from zero against their spread of 4.
        pytest.param([Interval(31, None), Interval(35, None)], Axis(30, 36, 1), id="seed tolls"),
        pytest.param(
            [Interval(1500, 1500), Interval(1800, 2200)], Axis(1400, 2400, 200), id="far from zero"
        ),
        pytest.param([Interval(None, 10)], Axis(0, 12, 2), id="open low end"),
        pytest.param([Interval(20, 25), Interval(3, 3)], Axis(0, 30, 5), id="disjoint"),
    ],
)
def test_axis_covers_every_figure_with_room_past_the_highest(intervals, axis):
    assert axis_for(intervals) == axis
    figures = [v for i in intervals for v in (i.low, i.high) if v is not None]
    assert axis.low <= min(figures) and max(figures) < axis.high
    assert axis.ticks()[0] == axis.low and axis.ticks()[-1] == axis.high


def test_all_open_has_no_ticks_and_bars_span_the_plot():
    result = chart(Interval(), Interval())
    assert result.ticks == ()
    for bar in result.bars:
        assert (bar.band.x, bar.band.end) == (PLOT_LEFT, PLOT_RIGHT)
        # The axis starts at zero, where a count's open low end simply begins.
        assert not bar.band.open_low and bar.band.open_high
        assert bar.high_arrow and not bar.low_arrow


def test_no_bars_at_all():
    result = chart()
    assert result.bars == () and result.ticks == () and result.consensus is None


def test_scale_maps_the_axis_onto_the_plot():
    scale = Scale(Axis(0, 40, 10))
    assert scale.x(0) == PLOT_LEFT
    assert scale.x(40) == PLOT_RIGHT
    assert scale.x(20) == round((PLOT_LEFT + PLOT_RIGHT) / 2, 1)


def test_open_high_end_runs_to_the_edge_past_every_figure():
    result = chart(Interval(31, None), Interval(35, None), consensus=Interval(35, None))
    scale = Scale(result.axis)
    low_bar, high_bar = result.bars
    assert low_bar.band.x == scale.x(31)
    assert high_bar.band.x == scale.x(35)
    assert low_bar.band.end == high_bar.band.end == PLOT_RIGHT
    assert scale.x(35) < PLOT_RIGHT  # the open end visibly goes on past 35
    arrow_tip = float(high_bar.high_arrow.split()[1].split(",")[0])
    assert arrow_tip > PLOT_RIGHT
    assert result.consensus.x == scale.x(35) and result.consensus.open_high
    assert result.consensus_text == "at least 35 people"


def test_open_low_end_away_from_zero_gets_an_arrow():
    result = chart(Interval(None, 1900), Interval(1800, 2200))
    assert result.axis.low > 0
    bar = result.bars[0]
    assert bar.band.x == PLOT_LEFT and bar.band.open_low
    assert float(bar.low_arrow.split()[1].split(",")[0]) < PLOT_LEFT


def test_single_point_has_a_visible_width_inside_the_plot():
    result = chart(Interval(35, 35), Interval(0, 0))
    at_35, at_0 = result.bars
    scale = Scale(result.axis)
    assert at_35.band.width == POINT_WIDTH
    assert at_35.band.x + POINT_WIDTH / 2 == scale.x(35)
    # At the very edge it is pushed inside rather than cut in half.
    assert at_0.band.x == PLOT_LEFT and at_0.band.width == POINT_WIDTH


def test_bar_styles_and_titles():
    bars = [
        BarInput(
            label="Agency", interval=Interval(1800, 2200), approximate=True, words="about 2,000"
        ),
        BarInput(label="Army", interval=Interval(10, 12), hedged=True, interested=True),
        BarInput(label="Mixed", interval=Interval(5, 40), consistent=False),
    ]
    result = range_chart(chart_id="c", bars=bars, unit="people", consensus=None, spread=None)
    agency, army, mixed = result.bars
    assert agency.approximate and agency.value == "about 2,000"
    assert army.hedged and army.interested and army.value.endswith("· interested")
    assert "only hedged" in army.title and "a party to the event" in army.title
    assert not mixed.consistent and "disagree" in mixed.title
    # One row each, top to bottom, all above the axis.
    assert agency.y < army.y < mixed.y < result.axis_y < result.height


def test_long_labels_are_shortened_for_the_chart_but_not_in_the_title():
    name = "An outlet with a remarkably long name that will not fit the column"
    bars = [BarInput(label=name, interval=Interval(1, 2))]
    result = range_chart(chart_id="c", bars=bars, unit="people", consensus=None, spread=None)
    (bar,) = result.bars
    assert bar.label.endswith("…") and len(bar.label) < len(name)
    assert bar.title.startswith(name)


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(35, None), "at least 35 people"),
        (Interval(None, 10), "no more than 10 people"),
        (Interval(20, 25), "20 to 25 people"),
        (Interval(), "an unknown number of people"),
        (Interval(1800, 2200), "1,800 to 2,200 people"),
        (None, "none"),
    ],
)
def test_interval_text_reads_like_the_claims(interval, text):
    assert interval_text(interval, "people") == text
