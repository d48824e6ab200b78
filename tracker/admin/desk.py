"""The editors' desk in the admin: the inbox, each person's own view, and the
discussion of a claim or event (its timeline, comments and assignment).

Plain admin views (not ModelAdmins): they read through the selectors and
write through the services, which check permissions again; a forged request
a role may not make is 403, a refused one a message.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, register_converter, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from tracker import services
from tracker.admin.base import ADMIN_CSS, service_message
from tracker.models import Claim, Comment, Document, Event
from tracker.selectors.desk import document_timeline, my_desk, timeline
from tracker.selectors.inbox import (
    REASON_BY_KEY,
    REASONS,
    InboxFilter,
    count_label,
    inbox_counts,
    inbox_page,
)
from tracker.services.desk import assignable_users

RECENT_EVENTS = 30
PAGE = 50


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Comment", widget=forms.Textarea(attrs={"rows": 3}), max_length=10000
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="— nobody (unassign) —"
    )
    request = forms.CharField(
        required=False,
        max_length=2000,
        label="What is asked",
        help_text='For a reporter, say what to find: "a second source for the toll".',
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_users()


class RedactForm(forms.Form):
    reason = forms.CharField(
        label="Why",
        max_length=2000,
        help_text="Recorded with your name; the text is gone for good.",
    )


def _context(request: HttpRequest, **extra) -> dict:
    return {**admin.site.each_context(request), "tracker_css": ADMIN_CSS, **extra}


def _next_url(request: HttpRequest, default: str) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return wanted
    return default


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def inbox_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("tracker.view_claim"):
        raise PermissionDenied
    reason = request.GET.get("reason") or None
    if reason not in REASON_BY_KEY:
        reason = None
    event_id = _int(request.GET.get("event"))
    mine = request.GET.get("mine") == "1"
    filters = InboxFilter(event_id=event_id, assignee_id=request.user.pk if mine else None)
    offset = max(0, _int(request.GET.get("offset")) or 0)
    page = inbox_page(filters=filters, reason=reason, offset=offset, limit=PAGE)
    counts = inbox_counts(filters)
    events = list(Event.objects.order_by("-created_at", "-id").only("pk", "name")[:RECENT_EVENTS])
    if event_id is not None and event_id not in {e.pk for e in events}:
        events += list(Event.objects.filter(pk=event_id).only("pk", "name"))

    def link(**changes) -> str:
        params = {"reason": reason, "event": event_id, "mine": "1" if mine else None}
        params.update(changes)
        query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
        return (
            f"{reverse('admin:tracker_inbox')}?{query}" if query else reverse("admin:tracker_inbox")
        )

    tabs = [
        {
            "key": r.key,
            "label": r.label,
            "count": count_label(counts[r.key]),
            "empty": counts[r.key] == 0,
            "url": link(reason=r.key, offset=None),
            "current": r.key == reason,
        }
        for r in REASONS
    ]
    return TemplateResponse(
        request,
        "admin/tracker/desk/inbox.html",
        _context(
            request,
            title="Inbox",
            page=page,
            tabs=tabs,
            all_url=link(reason=None, offset=None),
            mine_url=link(mine=None if mine else "1", offset=None),
            mine=mine,
            reason=reason,
            event_id=event_id,
            events=events,
            next_url=link(offset=page.offset + page.limit) if page.has_more else None,
            previous_url=link(offset=max(0, page.offset - page.limit) or None)
            if page.offset
            else None,
            can_assign=request.user.has_perm("tracker.assign_work"),
            can_set_status=request.user.has_perm("tracker.set_claim_status"),
            here=request.get_full_path(),
        ),
    )


def _subject(kind: str, pk: int) -> dict:
    """The claim, event or document named in the URL, as the services take it."""
    if kind == "claim":
        return {"claim": get_object_or_404(Claim, pk=pk)}
    if kind == "document":
        # Not the text, which can run to megabytes: the page shows the title.
        document = Document.objects.only("pk", "title", "working_title", "title_mismatch")
        return {"document": get_object_or_404(document, pk=pk)}
    return {"event": get_object_or_404(Event, pk=pk)}


@require_POST
def take_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Assign the claim, event or document to oneself."""
    if not request.user.has_perm("tracker.assign_work"):
        raise PermissionDenied
    subject = _subject(kind, pk)
    try:
        services.assignment_set(actor=request.user, assignee=request.user, **subject)
    except ValidationError as error:
        messages.error(request, service_message(error))
    else:
        messages.success(request, f"You took “{subject[kind]}”.")
    return HttpResponseRedirect(_next_url(request, reverse("admin:tracker_inbox")))


def discussion_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if not request.user.has_perm(f"tracker.view_{kind}"):
        raise PermissionDenied
    subjects = _subject(kind, pk)
    subject = subjects[kind]
    claim, event = subjects.get("claim"), subjects.get("event")
    # A document is assigned (to be processed) but not discussed: comments are
    # about claims and events.
    can_comment = kind != "document" and request.user.has_perm("tracker.add_comment")
    here = reverse("admin:tracker_discussion", args=[kind, pk])
    comment_form, assign_form = CommentForm(), AssignForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "assign":
            if not request.user.has_perm("tracker.assign_work"):
                raise PermissionDenied
            assign_form = AssignForm(request.POST)
            form, write = assign_form, lambda d: services.assignment_set(
                actor=request.user, assignee=d["assignee"], request=d["request"], **subjects
            )  # fmt: skip
        elif action == "comment":
            if not can_comment:
                raise PermissionDenied
            comment_form = CommentForm(request.POST)
            form, write = (
                comment_form,
                lambda d: services.comment_add(
                    actor=request.user, claim=claim, event=event, text=d["text"]
                ),
            )
        else:
            return HttpResponse("Unknown action.", status=400)
        if form.is_valid():
            try:
                with transaction.atomic():
                    write(form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, service_message(error))
            else:
                messages.success(request, "Comment added." if action == "comment" else "Assigned.")
                return HttpResponseRedirect(here)
    current = subject.assignments.filter(ended_at__isnull=True).select_related("assignee").first()
    if current is not None:
        assign_form.initial = {"assignee": current.assignee_id}
    entries = (
        document_timeline(document=subject)
        if kind == "document"
        else timeline(claim=claim, event=event)
    )
    return TemplateResponse(
        request,
        "admin/tracker/desk/discussion.html",
        _context(
            request,
            title=f"Discussion of the {kind}",
            kind=kind,
            subject=subject,
            claim=claim,
            event=event,
            document=subjects.get("document"),
            entries=entries,
            current=current,
            comment_form=comment_form,
            assign_form=assign_form,
            can_comment=can_comment,
            can_assign=request.user.has_perm("tracker.assign_work"),
            can_redact=request.user.has_perm("tracker.redact_comment"),
            subject_url=reverse(f"admin:tracker_{kind}_change", args=[pk]),
            here=here,
        ),
    )


def redact_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("tracker.redact_comment"):
        raise PermissionDenied
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=pk)
    kind, subject_id = (
        ("claim", comment.claim_id) if comment.claim_id else ("event", comment.event_id)
    )
    back = reverse("admin:tracker_discussion", args=[kind, subject_id])
    form = RedactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_redact(
                actor=request.user, comment=comment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, service_message(error))
        else:
            messages.success(request, "The comment is redacted.")
            return HttpResponseRedirect(back)
    return TemplateResponse(
        request,
        "admin/tracker/desk/redact.html",
        _context(request, title="Redact a comment", comment=comment, form=form, back=back),
    )


def my_desk_view(request: HttpRequest) -> HttpResponse:
    desk = my_desk(user=request.user)
    return TemplateResponse(
        request, "admin/tracker/desk/mine.html", _context(request, title="My desk", desk=desk)
    )


def desk_urls() -> list:
    view = admin.site.admin_view
    subject = "desk/<desk_subject:kind>/<int:pk>"
    return [
        path("inbox/", view(inbox_view), name="tracker_inbox"),
        path("desk/mine/", view(my_desk_view), name="tracker_my_desk"),
        path(f"{subject}/take/", view(take_view), name="tracker_take"),
        path(f"{subject}/discussion/", view(discussion_view), name="tracker_discussion"),
        path("desk/comment/<int:pk>/redact/", view(redact_view), name="tracker_comment_redact"),
    ]


class SubjectConverter:
    regex = "claim|event|document"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SubjectConverter, "desk_subject")


def install(site: admin.AdminSite) -> None:
    """Put the desk's pages in the admin's URLconf (and its "admin:" namespace)."""
    site_urls = site.get_urls

    def get_urls():
        return desk_urls() + site_urls()

    site.get_urls = get_urls
