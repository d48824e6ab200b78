"""The claim pages of our own: verdicts, archiving, and flagging.

Each view checks the permission itself before reading anything from the
request (the buttons are hidden too, but hiding is not enforcing) and lets the
services' PermissionDenied become a 403 as well. Messages from the services'
ValidationErrors are shown on the form or as admin messages, never as a 500.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from tracker import selectors, services
from tracker.admin.base import add_service_error
from tracker.admin.conflict_display import basis_label
from tracker.admin.display import status_badge, with_badges
from tracker.admin.evidence import claim_evidence
from tracker.admin.forms import FlagForm, StatusForm
from tracker.models import Claim
from tracker.vocabularies import FlagKind, FlagReason, VerificationStatus

if TYPE_CHECKING:
    from tracker.admin.claims import ClaimAdmin

# One verdict for more claims than this is not a review any more.
MAX_CLAIMS_PER_VERDICT = 200


def claim_change_url(claim_id: int) -> str:
    return reverse("admin:tracker_claim_change", args=[claim_id])


def _page(model_admin: ClaimAdmin, request, template: str, title: str, **context):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "media": model_admin.media,
        "title": title,
        **context,
    }
    return TemplateResponse(request, f"admin/tracker/claim/{template}", context)


def _get_claim(model_admin: ClaimAdmin, request, object_id: str) -> Claim:
    claim = model_admin.get_object(request, object_id)
    if claim is None:
        raise Http404("No such claim.")
    return claim


def _claim_ids(request, object_id: str | None) -> list[int]:
    raw = (
        [object_id]
        if object_id is not None
        else request.POST.get("ids", request.GET.get("ids", "")).split(",")
    )
    ids = [int(value) for value in raw if value.strip().isdigit()]
    if not ids or len(ids) != len(raw) or len(ids) > MAX_CLAIMS_PER_VERDICT:
        raise Http404("No such claims.")
    return sorted(set(ids))


def set_status(model_admin: ClaimAdmin, request, object_id: str | None = None):
    """Ask for a status and a rationale, then give the verdict to every claim asked for.

    Several claims get one verdict together or not at all: if the service
    refuses one, none changes and the page says which and why.
    """
    if not request.user.has_perm("tracker.set_claim_status"):
        raise PermissionDenied
    ids = _claim_ids(request, object_id)
    claims = selectors.claims_for_status_change(claim_ids=ids)
    if len(claims) != len(ids):
        raise Http404("No such claims.")
    for claim in claims:
        with_badges(claim.verdicts)
        claim.badge = status_badge(claim.status)
        claim.suggested_badge = (
            status_badge(claim.suggested_status) if claim.suggested_status else None
        )
        claim.basis_label = basis_label(claim.suggestion_basis)
    if request.method == "POST":
        form = StatusForm(request.POST)
    else:
        # "Use it as the status…" on the claim page pre-fills the suggestion; the
        # editor still reads it, writes a rationale and confirms.
        prefill = request.GET.get("status", "")
        initial = {"status": prefill} if prefill in VerificationStatus.values else {}
        form = StatusForm(initial=initial)
    if not request.user.has_perm("tracker.resolve_flag"):
        del form.fields["resolve_open_flags"]
    if form.is_valid() and _give_verdict(request, claims, form):
        status = VerificationStatus(form.cleaned_data["status"]).label
        messages.success(request, f"Status set to “{status}” on {len(claims)} claim(s).")
        if len(claims) == 1:
            return redirect(claim_change_url(claims[0].pk))
        return redirect("admin:tracker_claim_changelist")
    single = claims[0] if len(claims) == 1 else None
    return _page(
        model_admin,
        request,
        "set_status.html",
        "Set verification status",
        claims=claims,
        claim=single,
        evidence=claim_evidence(single) if single else None,
        ids=",".join(map(str, ids)),
        form=form,
        form_url=reverse("admin:tracker_claim_set_status", args=[single.pk])
        if single
        else reverse("admin:tracker_claim_set_status_bulk"),
    )


def _give_verdict(request, claims: list[Claim], form: StatusForm) -> bool:
    failures: list[tuple[Claim, ValidationError]] = []
    with transaction.atomic():
        for claim in claims:
            try:
                services.claim_set_status(
                    actor=request.user,
                    claim=claim,
                    status=form.cleaned_data["status"],
                    rationale=form.cleaned_data["rationale"],
                    resolve_open_flags=form.cleaned_data.get("resolve_open_flags", False),
                )
            except ValidationError as error:
                failures.append((claim, error))
        if failures:
            transaction.set_rollback(True)
    for claim, error in failures:
        if len(claims) == 1:
            add_service_error(form, error)
        else:
            form.add_error(None, [f"Claim #{claim.pk}: {m}" for m in error.messages])
    return not failures


def archive(model_admin: ClaimAdmin, request, object_id: str, *, restore: bool = False):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.has_perm("tracker.archive_claim"):
        raise PermissionDenied
    claim = _get_claim(model_admin, request, object_id)
    try:
        if restore:
            services.claim_restore(actor=request.user, claim=claim)
            messages.success(request, "The claim is restored to the working lists.")
        else:
            services.claim_archive(actor=request.user, claim=claim)
            messages.success(request, "The claim is archived. Nothing was deleted.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(claim_change_url(claim.pk))


def raise_flag(model_admin: ClaimAdmin, request, object_id: str):
    """The second click of "Could not verify", or the full form when a note is needed."""
    if not request.user.has_perm("tracker.add_flag"):
        raise PermissionDenied
    claim = _get_claim(model_admin, request, object_id)
    if request.method == "POST":
        form = FlagForm(request.POST)
        if form.is_valid():
            try:
                flag = services.flag_raise(actor=request.user, claim=claim, **form.cleaned_data)
            except ValidationError as error:
                if set(getattr(error, "error_dict", {})) != {"note"}:
                    # A duplicate or an archived claim: say so on the claim itself.
                    messages.error(request, " ".join(error.messages))
                    return redirect(claim_change_url(claim.pk))
                add_service_error(form, error)
            else:
                messages.success(
                    request,
                    f"Flagged “{flag.get_kind_display()}” ({flag.get_reason_display()}). "
                    "An editor will review it.",
                )
                return redirect(claim_change_url(claim.pk))
    else:
        form = FlagForm(
            initial={
                "kind": request.GET.get("kind", FlagKind.COULD_NOT_VERIFY),
                "reason": request.GET.get("reason", FlagReason.OTHER),
            }
        )
    return _page(model_admin, request, "flag_form.html", "Flag a claim", claim=claim, form=form)
