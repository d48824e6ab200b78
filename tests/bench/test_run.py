"""bench/: the benchmarks refuse real data, and the floor replays what Django sent."""

import pytest

from bench.floor import measure
from bench.run import prepare_archive
from tests.factories import make_claim, make_flag
from tracker.demo.generate import generate
from tracker.models import Claim, Flag


def test_a_database_with_real_work_is_refused_and_left_alone(db):
    make_claim(text="A newsroom's own claim")
    with pytest.raises(SystemExit) as refused:
        prepare_archive(claims=100, seed=1)
    assert "refusing to run" in str(refused.value)
    assert list(Claim.objects.values_list("text", flat=True)) == ["A newsroom's own claim"]


def test_a_demo_archive_of_another_size_is_refused(db):
    generate(claims=30, seed=1)
    with pytest.raises(SystemExit) as refused:
        prepare_archive(claims=50, seed=1)
    assert "not 50" in str(refused.value)
    assert prepare_archive(claims=30, seed=1).startswith("reused a demo archive of 30 claims")


def test_the_floor_replays_the_same_statements_and_writes_are_undone(db, reporter):
    make_claim(text="first")
    make_claim(text="second")
    read = measure("read", lambda: list(Claim.objects.order_by("pk")), runs=3, warmup=1)
    assert (read.queries, read.queries_max, read.runs) == (1, 1, 3)
    assert read.floor_median_ms > 0 and read.ratio > 0

    claims = list(Claim.objects.order_by("pk"))
    flags = [lambda c=c: make_flag(claim=c, raised_by=reporter) for c in claims]
    write = measure("flag", flags, runs=4, warmup=1, write=True)
    assert write.queries >= 3 and write.runs == 4
    # Every run, and every replay of its floor, was rolled back.
    assert not Flag.objects.exists()
    assert not Claim.objects.filter(oldest_open_flag_at__isnull=False).exists()
