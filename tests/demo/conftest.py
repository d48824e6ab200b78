"""Demo data for the tests of the generator, the benchmarks' guard, search and plans."""

from collections.abc import Callable

import pytest

from tracker.demo.generate import Generated, generate


@pytest.fixture
def demo(db) -> Callable[..., Generated]:
    """Generate demo data into the (empty) test database, quietly."""

    def make(claims: int = 200, seed: int = 7, batch: int = 10_000) -> Generated:
        return generate(claims=claims, seed=seed, batch=batch)

    return make
