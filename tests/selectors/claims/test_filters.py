"""Filters over claims: by words, by a source's account, by open flags."""

from tests.factories import make_account, make_claim, make_document, make_flag, make_source
from tracker import services
from tracker.selectors.claims import (
    claim_list_queryset,
    claim_search,
    claims_with_account_by,
    claims_with_open_flags,
)


def by_pk(queryset):
    return {claim.pk: claim for claim in queryset}


def test_search_matches_every_word_somewhere(db):
    document = make_document(text="The ministry called it a massacre by the coalition.")
    sana = make_source(name="SANA", aliases=["Syrian Arab News Agency"])
    claim = make_claim(text="The strike was a massacre")
    make_account(claim=claim, source=sana, document=document, quote="massacre by the coalition")
    other = make_claim(text="Coalition denies")
    search = claim_search
    base = claim_list_queryset()
    assert set(by_pk(search(base, "arab massacre"))) == {claim.pk}
    assert set(by_pk(search(base, "coalition"))) == {claim.pk, other.pk}
    assert set(by_pk(search(base, "coalition denies"))) == {other.pk}
    assert set(by_pk(search(base, ""))) == {claim.pk, other.pk}


def test_claims_with_an_account_by_one_source(db):
    wire = make_source(name="Wire")
    quoted, other = make_claim(), make_claim()
    make_account(claim=quoted, source=wire)
    make_account(claim=other, source=make_source(), intermediary=wire)
    make_account(claim=other, source=make_source())
    # Carrying someone else's account is not giving one; several accounts are one row.
    assert list(claims_with_account_by(claim_list_queryset(), wire.pk)) == [quoted]


def test_claims_with_and_without_open_flags(editor, reporter):
    flagged, resolved, clean = make_claim(), make_claim(), make_claim()
    make_flag(claim=flagged, raised_by=reporter)
    services.flag_resolve(actor=editor, flag=make_flag(claim=resolved, raised_by=reporter))
    base = claim_list_queryset()
    assert set(by_pk(claims_with_open_flags(base, has_open=True))) == {flagged.pk}
    assert set(by_pk(claims_with_open_flags(base, has_open=False))) == {resolved.pk, clean.pk}
