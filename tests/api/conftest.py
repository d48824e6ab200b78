"""A small newsroom and authenticated API clients for the API tests.

Clients authenticate with real tokens in the Authorization header, so every
request goes through DRF's authentication, permissions and throttles as a
tool's would.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import make_account, make_claim, make_document, make_event, make_flag
from tracker import services
from tracker.models import Account, Claim, Document, Event, Finding, Flag, Source
from tracker.vocabularies import Aspect, SourceKind, Stance

ARTICLE = (
    "SANA said more than 30 civilians, mostly women and children, were killed. "
    "The foreign ministry called it a massacre. "
    "Local monitors said at least 35 civilians were killed. "
    "The coalition said it or partner forces may have conducted the strikes. "
    "Reuters could not independently verify the reports."
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The users the fixtures make would otherwise cost a full PBKDF2 hash each,
    # most of a test's time; nothing here tests the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # Throttle counters live in the cache; each test starts with none used.
    cache.clear()
    yield
    cache.clear()


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        _, key = services.api_token_create(actor=None, user=user, name="tests")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_api(editor) -> APIClient:
    return client_for(editor)


@pytest.fixture
def reporter_api(reporter) -> APIClient:
    return client_for(reporter)


@pytest.fixture
def nobody_api(db) -> APIClient:
    """Signed in, but in no group: holds no permission at all."""
    from tests.factories import UserFactory

    return client_for(UserFactory(username="nobody"))


@pytest.fixture
def clients(anon, reporter_api, editor_api, nobody_api) -> dict[str, APIClient]:
    return {
        "anonymous": anon,
        "reporter": reporter_api,
        "editor": editor_api,
        "nobody": nobody_api,
    }


@dataclass
class Newsroom:
    government: Source
    sana: Source
    ministry: Source
    coalition: Source
    reuters: Source
    document: Document
    event: Event
    toll: Claim
    article_toll: Claim
    perpetrator: Claim
    sana_account: Account
    coalition_account: Account
    flag: Flag

    def open_conflict(self) -> Finding:
        return Finding.objects.filter(is_open=True).order_by("pk").first()


@pytest.fixture
def newsroom(db, reporter) -> Newsroom:
    government = services.source_create(
        actor=None, name="Syrian government", kind=SourceKind.GOVERNMENT
    )
    sana = services.source_create(
        actor=None,
        name="SANA",
        kind=SourceKind.STATE_MEDIA,
        parent=government,
        aliases=["Syrian Arab News Agency"],
    )
    ministry = services.source_create(
        actor=None, name="Syrian foreign ministry", kind=SourceKind.GOVERNMENT, parent=government
    )
    coalition = services.source_create(
        actor=None, name="US-led coalition", kind=SourceKind.ARMED_PARTY
    )
    reuters = services.source_create(actor=None, name="Reuters", kind=SourceKind.NEWS_AGENCY)
    monitors = services.source_create(actor=None, name="Local monitors", kind=SourceKind.NGO)
    document = make_document(
        text=ARTICLE, title="Strikes kill civilians in Deir ez-Zor", url="https://news.example/a"
    )
    event = make_event(name="Strike in Deir ez-Zor", parties=[coalition, government])
    toll = make_claim(
        text="More than 30 civilians were killed",
        aspect=Aspect.KILLED,
        event=event,
        count_min=31,
        unit="people",
    )
    article_toll = make_claim(
        text="At least 35 civilians were killed",
        aspect=Aspect.KILLED,
        event=event,
        count_min=35,
        unit="people",
    )
    perpetrator = make_claim(
        text="The coalition conducted the strikes",
        aspect=Aspect.PERPETRATOR,
        event=event,
        named_parties=[coalition],
    )
    sana_account = make_account(
        claim=toll, source=sana, document=document, quote="more than 30 civilians"
    )
    make_account(
        claim=article_toll, source=monitors, document=document, quote="at least 35 civilians"
    )
    make_account(
        claim=perpetrator,
        source=ministry,
        stance=Stance.ASSERTS,
        document=document,
        quote="called it a massacre",
    )
    coalition_account = make_account(
        claim=perpetrator,
        source=coalition,
        stance=Stance.HEDGES,
        document=document,
        quote="it or partner forces may have conducted the strikes",
    )
    make_account(
        claim=toll,
        source=reuters,
        stance=Stance.CANNOT_VERIFY,
        document=document,
        quote="could not independently verify the reports",
    )
    flag = make_flag(claim=toll, raised_by=reporter)
    return Newsroom(
        government=government,
        sana=sana,
        ministry=ministry,
        coalition=coalition,
        reuters=reuters,
        document=document,
        event=event,
        toll=toll,
        article_toll=article_toll,
        perpetrator=perpetrator,
        sana_account=sana_account,
        coalition_account=coalition_account,
        flag=flag,
    )


def etag_of(client: APIClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response["ETag"]


@pytest.fixture
def conditional(editor_api) -> Callable[..., object]:
    """Send an unsafe request with the current ETag of ``etag_url`` (default: ``url``)."""

    def send(method: str, url: str, data=None, *, client=None, etag_url: str | None = None):
        client = client or editor_api
        etag = etag_of(editor_api, etag_url or url)
        return getattr(client, method)(url, data, format="json", HTTP_IF_MATCH=etag)

    return send
