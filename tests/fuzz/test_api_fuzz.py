"""The API, fuzzed from its schema as an editor and as a reporter: no 5xx, nothing undocumented.

CI runs a few examples per operation, the same ones every time (derandomized),
within a time budget. ``scripts/fuzz`` runs the same test with many more
random examples; see tests/fuzz/driver.py for what is checked and how.

Environment (for the long run):

- ``TRACKER_FUZZ_EXAMPLES``: examples per operation and mode (default 5);
- ``TRACKER_FUZZ_BUDGET``: seconds per role before the remaining operations
  get one example each (default 150);
- ``TRACKER_FUZZ_SEED``: fuzz with random data from this seed instead of the
  fixed examples;
- ``TRACKER_FUZZ_ONLY``: only the operations whose label contains this
  (``TRACKER_FUZZ_ONLY="POST /api/documents/upload/"``), to fuzz one targeted.
"""

import os

import pytest
from django.core.cache import cache

from tests.factories import make_editor
from tests.fuzz.driver import fuzz
from tracker import services
from tracker.models import ApiToken

EXAMPLES = int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "5"))
BUDGET = float(os.environ.get("TRACKER_FUZZ_BUDGET", "150"))
SEED = os.environ.get("TRACKER_FUZZ_SEED")
ONLY = os.environ.get("TRACKER_FUZZ_ONLY", "")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_throttles(settings):
    # The fuzzer sends hundreds of writes a minute as one user; the throttles
    # would answer most of them 429 (documented, but it tests nothing else).
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"writes": None, "auth": None},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("role", ["editor", "reporter"])
def test_the_api_holds_up_to_fuzzing(role, newsroom, reporter):
    user = make_editor(username="fuzzing-editor") if role == "editor" else reporter
    token, key = services.api_token_create(actor=None, user=user, name="fuzzer")

    report = fuzz(
        tokens={role: key},
        examples=EXAMPLES,
        budget_seconds=BUDGET,
        derandomize=SEED is None,
        random_seed=int(SEED) if SEED else None,
        only=ONLY,
        # Progress per operation: shown with -s (scripts/fuzz), captured otherwise.
        log=print,
        # DELETE /api/auth/token/ (or /api/auth/tokens/{id}/) revokes the fuzzer's
        # token; it is given back, so the fuzzer signs in again with the same key.
        before_each=lambda: ApiToken.objects.filter(pk=token.pk).update(
            revoked_at=None, revoked_reason=""
        ),
    )
    print(report.summary())
    assert not report.failures, "\n\n".join(map(str, report.failures))
