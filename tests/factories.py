"""Factories that build valid objects through the service functions.

Building through the services keeps tests honest: an object a factory makes
is one the application itself could have made.
"""

import itertools

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tracker import services
from tracker.vocabularies import Aspect, FlagKind, FlagReason, SourceKind, Stance

_counter = itertools.count(1)


def _next() -> int:
    return next(_counter)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.example")
    is_staff = True
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


def make_editor(**kwargs):
    return UserFactory(groups=["Editors"], **kwargs)


def make_reporter(**kwargs):
    return UserFactory(groups=["Reporters"], **kwargs)


def make_source(*, name: str | None = None, kind: str = SourceKind.OUTLET, **kwargs):
    return services.source_create(actor=None, name=name or f"Source {_next()}", kind=kind, **kwargs)


def make_document(*, text: str | None = None, title: str = "Strike report", **kwargs):
    n = _next()
    body = text or (
        f"Report {n}. At least 12 people were killed in a strike, officials said. "
        f"The ministry denied any involvement in the strike on the market."
    )
    return services.document_create(actor=None, title=title, text=body, **kwargs)


def make_event(*, name: str | None = None, **kwargs):
    return services.event_create(actor=None, name=name or f"Event {_next()}", **kwargs)


def make_claim(*, text: str | None = None, aspect: str = Aspect.OTHER, **kwargs):
    return services.claim_create(
        actor=None, text=text or f"Claim number {_next()}", aspect=aspect, **kwargs
    )


def make_account(*, claim=None, source=None, stance: str = Stance.ASSERTS, **kwargs):
    return services.account_add(
        actor=None,
        claim=claim or make_claim(),
        source=source or make_source(),
        stance=stance,
        **kwargs,
    )


def make_flag(*, claim=None, raised_by=None, **kwargs):
    kwargs.setdefault("kind", FlagKind.COULD_NOT_VERIFY)
    kwargs.setdefault("reason", FlagReason.NO_INDEPENDENT_ACCESS)
    return services.flag_raise(
        actor=raised_by or make_reporter(), claim=claim or make_claim(), **kwargs
    )


def make_suggestions(*, document, spans: list[tuple[int, int]], **fields) -> list:
    """Suggestions quoting ``spans`` of the document, stored as extraction stores them.

    Extraction runs the extractor over the whole text; a test that needs
    hundreds of suggestions at known places writes the rows the same way
    (with their history), one per span, in text order.
    """
    from simple_history.utils import bulk_create_with_history

    from tracker.models import Extraction, Suggestion

    Extraction.objects.get_or_create(document=document, defaults={"via": "paste"})
    rows = [
        Suggestion(
            document=document,
            ordinal=ordinal,
            voice="source",
            speaker_text=f"Speaker {ordinal}",
            quote=document.text[start:end],
            quote_start=start,
            quote_end=end,
            stance=Stance.ASSERTS,
            claim_text=f"Claim of suggestion {ordinal}",
            **fields,
        )
        for ordinal, (start, end) in enumerate(spans, start=1)
    ]
    return bulk_create_with_history(rows, Suggestion, batch_size=500)
