"""The small newsroom the admin and API tests share, built through the services.

One event (a strike in Deir ez-Zor) with two parties, the coalition and the
Syrian government; two tolls ("more than 30" from SANA, which Reuters could
not verify, and "at least 35" from local monitors); and a perpetrator claim
the foreign ministry asserts and the coalition hedges, which the comparison
holds open as a tension. SANA and the ministry both speak for the
government. A reporter has flagged the first toll as single-sourced.
"""

from dataclasses import dataclass

from tests.factories import make_account, make_claim, make_document, make_event, make_flag
from tracker import services
from tracker.models import Account, Claim, Document, Event, Finding, Flag, Source
from tracker.vocabularies import Aspect, FlagReason, SourceKind, Stance

ARTICLE = (
    "SANA said more than 30 civilians, mostly women and children, were killed. "
    "The foreign ministry called it a massacre. "
    "Local monitors said at least 35 civilians were killed. "
    "The coalition said it or partner forces may have conducted the strikes. "
    "Reuters could not independently verify the reports."
)


@dataclass
class Newsroom:
    government: Source
    sana: Source
    ministry: Source
    coalition: Source
    reuters: Source
    monitors: Source
    document: Document
    event: Event
    toll: Claim
    article_toll: Claim
    perpetrator: Claim
    sana_account: Account
    ministry_account: Account
    coalition_account: Account
    flag: Flag

    def open_conflict(self) -> Finding:
        return Finding.objects.filter(is_open=True).order_by("pk").first()


def build_newsroom(*, reporter) -> Newsroom:
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
    ministry_account = make_account(
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
    flag = make_flag(
        claim=toll, raised_by=reporter, reason=FlagReason.SINGLE_SOURCE, note="Only SANA."
    )
    return Newsroom(
        government=government,
        sana=sana,
        ministry=ministry,
        coalition=coalition,
        reuters=reuters,
        monitors=monitors,
        document=document,
        event=event,
        toll=toll,
        article_toll=article_toll,
        perpetrator=perpetrator,
        sana_account=sana_account,
        ministry_account=ministry_account,
        coalition_account=coalition_account,
        flag=flag,
    )
