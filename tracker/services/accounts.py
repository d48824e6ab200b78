from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tracker.models import Account, Claim, Document, Source
from tracker.services._boundary import service
from tracker.services._common import (
    Actor,
    check_choice,
    clean_text,
    history_user,
    require_permission,
    unknown_fields,
)
from tracker.services.findings import findings_refresh_for_claim
from tracker.services.verdicts import claim_accounts_changed
from tracker.vocabularies import Stance


def locate_quote(
    *, document: Document | None, quote: str, quote_start: int | None, quote_end: int | None
) -> tuple[int | None, int | None]:
    """Check a quote against its document and return its offsets.

    With offsets given, the text there must equal the quote. Without them, the
    quote must occur in the document exactly once, so the span is unambiguous.
    """
    if not quote:
        if quote_start is not None or quote_end is not None:
            raise ValidationError({"quote": "Offsets were given without the quote they locate."})
        return None, None
    if document is None:
        raise ValidationError({"document": "A quote needs the document it is quoted from."})
    for field, value in (("quote_start", quote_start), ("quote_end", quote_end)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValidationError({field: "Must be a whole number."})
    if quote_start is None and quote_end is None:
        first = document.text.find(quote)
        if first < 0:
            raise ValidationError({"quote": "The quote does not occur in the document's text."})
        if document.text.find(quote, first + 1) >= 0:
            raise ValidationError(
                {"quote_start": "The quote occurs more than once; give its offsets."}
            )
        return first, first + len(quote)
    if quote_start is None:
        quote_start = quote_end - len(quote)
    if quote_end is None:
        quote_end = quote_start + len(quote)
    if not 0 <= quote_start < quote_end <= len(document.text):
        raise ValidationError(
            {
                "quote_end": f"Offsets {quote_start}–{quote_end} lie outside the document "
                f"(length {len(document.text)})."
            }
        )
    if document.text[quote_start:quote_end] != quote:
        found = document.text[quote_start:quote_end]
        raise ValidationError(
            {
                "quote": f"The document reads {found[:80]!r} at {quote_start}–{quote_end}, "
                "not the quote given."
            }
        )
    return quote_start, quote_end


def _check_sources(source: Source, intermediary: Source | None) -> None:
    if intermediary is not None and intermediary.pk == source.pk:
        raise ValidationError({"intermediary": "A source cannot relay its own statement."})


@service
def account_add(
    *,
    actor: Actor,
    claim: Claim,
    source: Source,
    stance: str = Stance.ASSERTS,
    document: Document | None = None,
    quote: str = "",
    quote_start: int | None = None,
    quote_end: int | None = None,
    intermediary: Source | None = None,
    said_on: date | None = None,
) -> Account:
    require_permission(actor, "tracker.add_account", action="add accounts")
    check_choice("stance", stance, Stance)
    quote = clean_text("quote", quote or "", required=False, max_length=20000)
    if Claim.objects.filter(pk=claim.pk, archived_at__isnull=False).exists():
        raise ValidationError({"claim": "This claim is archived; restore it first."})
    _check_sources(source, intermediary)
    quote_start, quote_end = locate_quote(
        document=document, quote=quote, quote_start=quote_start, quote_end=quote_end
    )
    if Account.objects.filter(
        claim=claim, source=source, document=document, quote_start=quote_start
    ).exists():
        raise ValidationError({"source": "This source's account of this claim is already here."})
    account = Account(
        claim=claim,
        source=source,
        stance=stance,
        document=document,
        quote=quote,
        quote_start=quote_start,
        quote_end=quote_end,
        intermediary=intermediary,
        said_on=said_on,
        created_by=history_user(actor),
    )
    account._history_user = history_user(actor)
    try:
        with transaction.atomic():
            account.save()
    except IntegrityError as error:
        raise ValidationError({"quote": f"The account breaks a data rule: {error}"}) from error
    findings_refresh_for_claim(claim=claim)
    claim_accounts_changed(claim=claim)
    return account


ACCOUNT_EDITABLE = (
    "source",
    "stance",
    "document",
    "quote",
    "quote_start",
    "quote_end",
    "intermediary",
    "said_on",
)


@service
def account_update(*, actor: Actor, account: Account, **changes) -> Account:
    require_permission(actor, "tracker.change_account", action="edit accounts")
    unknown_fields(changes, ACCOUNT_EDITABLE)
    account = (
        Account.objects.select_for_update(of=("self",))
        .select_related("document")
        .get(pk=account.pk)
    )
    if "stance" in changes:
        check_choice("stance", changes["stance"], Stance)
    _check_sources(
        changes.get("source", account.source), changes.get("intermediary", account.intermediary)
    )
    if {"document", "quote", "quote_start", "quote_end"} & changes.keys():
        quote = clean_text("quote", changes.get("quote", account.quote) or "", required=False)
        document = changes.get("document", account.document)
        # Keep the old span only when neither the quote, its document nor its
        # offsets change; otherwise locate the quote afresh.
        keep_span = quote == account.quote and document == account.document
        start, end = locate_quote(
            document=document,
            quote=quote,
            quote_start=changes.get("quote_start", account.quote_start if keep_span else None),
            quote_end=changes.get("quote_end", account.quote_end if keep_span else None),
        )
        changes.update(quote=quote, quote_start=start, quote_end=end)
    changed = [field for field, value in changes.items() if getattr(account, field) != value]
    for field in changed:
        setattr(account, field, changes[field])
    if changed:
        account._history_user = history_user(actor)
        try:
            with transaction.atomic():
                account.save(update_fields=[*changed, "updated_at"])
        except IntegrityError as error:
            raise ValidationError({"quote": f"The account breaks a data rule: {error}"}) from error
        findings_refresh_for_claim(claim=account.claim)
        claim_accounts_changed(claim=account.claim)
    return account


@service
def account_remove(*, actor: Actor, account: Account) -> None:
    """Remove an account recorded in error. Its history stays in the audit trail."""
    require_permission(actor, "tracker.delete_account", action="remove accounts")
    account._history_user = history_user(actor)
    claim = account.claim
    account.delete()
    findings_refresh_for_claim(claim=claim)
    claim_accounts_changed(claim=claim)
