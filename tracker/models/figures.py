from tracker.conflicts.intervals import figure_words


class FigureInWords:
    """A claim's or a suggestion's figure as a desk writes it, from the count fields both carry."""

    @property
    def interval_display(self) -> str:
        """The figure in words: "more than 30 people", "about 2,000 people"; "" without one."""
        if self.count_min is None and self.count_max is None:
            return ""
        return figure_words(
            self.count_min,
            self.count_max,
            approximate=self.count_approximate,
            unit=self.unit,
            min_exclusive=self.count_min_exclusive,
            max_exclusive=self.count_max_exclusive,
        )
