"""Query parameters of the lists: django-filter FilterSets and the ordering.

Filters that need more than a column lookup (an account by a source, open
flags, open conflicts, search) go through the selectors, which do them as
EXISTS subqueries: a claim with many matching accounts still appears once.
"""

from datetime import UTC

from django import forms
from django.db.models import Q, QuerySet
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from rest_framework.filters import OrderingFilter

from tracker.models import (
    Account,
    Assignment,
    Claim,
    Comment,
    Document,
    Event,
    Finding,
    Flag,
    NamedEntity,
    Source,
    StatusChange,
    Suggestion,
)
from tracker.models.entity import EntityKind
from tracker.selectors.claims import (
    claim_search,
    claims_with_account_by,
    claims_with_open_conflicts,
    claims_with_open_flags,
)
from tracker.selectors.names import entity_search
from tracker.selectors.sources import source_search
from tracker.vocabularies import (
    Aspect,
    FindingKind,
    FindingSeverity,
    FlagKind,
    FlagReason,
    Reliability,
    SourceKind,
    Stance,
    SuggestionStatus,
    VerificationStatus,
)

# Ids are 64-bit: a larger number cannot name a row, and SQLite cannot even bind it.
MAX_ID = 2**63 - 1


class IdFilter(filters.NumberFilter):
    """An object id: a whole number (django-filter's NumberFilter takes decimals)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)
        # Per filter, so the schema says "integer" and keeps this filter's help text
        # (a class-wide extend_schema_field would drop it).
        self._spectacular_annotation = {
            "field": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_ID,
                "description": str(kwargs.get("help_text", "")),
            }
        }


class StrictBooleanField(forms.NullBooleanField):
    """true/false (or 1/0, yes/no); anything else is an error, not "no filter"."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        lowered = str(value).strip().lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no"):
            return False
        raise forms.ValidationError("Expected true or false.", code="invalid")

    def validate(self, value):
        pass


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, in UTC for the database.

    PostgreSQL refuses offsets beyond ±15:59 ("+19:49" is valid ISO 8601) with
    an error, a 500; the same instant in UTC is always fine. An instant that
    leaves the calendar when moved to UTC (year 1 at +01:00) is invalid.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(UTC)
        except OverflowError:
            raise forms.ValidationError("Enter a valid date/time.", code="invalid") from None


class IsoDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class BooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args, **kwargs):
        # django-filter's BooleanWidget reads an unknown value as "not given".
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


class Ordering(OrderingFilter):
    """?ordering=field or -field; the id breaks ties, so a page boundary is never ambiguous."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering is None:
            return None
        ordering = list(ordering)
        if not any(term.lstrip("-") in ("id", "pk") for term in ordering):
            ordering.append("-id" if ordering and ordering[0].startswith("-") else "id")
        return ordering


class ClaimFilter(filters.FilterSet):
    # distinct=False: a column of the claim itself cannot repeat a row, and
    # django-filter's default DISTINCT would sort every match (with its per-row
    # counts) before the page is cut: seconds at a million claims.
    status = filters.MultipleChoiceFilter(
        choices=VerificationStatus.choices,
        distinct=False,
        help_text="Verification status; repeat for several.",
    )
    aspect = filters.MultipleChoiceFilter(
        choices=Aspect.choices, distinct=False, help_text="Aspect; repeat for several."
    )
    event = IdFilter(field_name="event_id", help_text="Claims about this event.")
    source = IdFilter(method="filter_source", help_text="Claims with an account by this source.")
    has_open_flags = BooleanFilter(
        method="filter_open_flags", help_text="Claims with (true) or without (false) open flags."
    )
    has_open_conflict = BooleanFilter(
        method="filter_open_conflict",
        help_text="Claims with (true) or without (false) an unacknowledged conflict or tension.",
    )
    updated_since = IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601)."
    )
    archived = filters.ChoiceFilter(
        choices=[("no", "Active only"), ("yes", "Archived only"), ("all", "Both")],
        method="filter_archived",
        empty_label=None,
        help_text="Archived claims are left out unless asked for (default: no).",
    )
    search = filters.CharFilter(
        method="filter_search",
        help_text="Every word must occur in the claim's text, or in a quote, source name or "
        "alias of one of its accounts.",
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet[Claim]:
        queryset = super().qs
        # With no ?archived= the filter's method never runs; the default still applies.
        if not self.form.cleaned_data.get("archived"):
            queryset = queryset.filter(archived_at__isnull=True)
        return queryset

    def filter_source(self, queryset, name, value):
        return claims_with_account_by(queryset, value)

    def filter_open_flags(self, queryset, name, value):
        return claims_with_open_flags(queryset, has_open=value)

    def filter_open_conflict(self, queryset, name, value):
        return claims_with_open_conflicts(queryset, has_open=value)

    def filter_archived(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(archived_at__isnull=False)
        if value == "all":
            return queryset
        return queryset.filter(archived_at__isnull=True)

    def filter_search(self, queryset, name, value):
        return claim_search(queryset, value)


class SourceFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=SourceKind.choices, help_text="Kind; repeat.")
    reliability = filters.MultipleChoiceFilter(
        choices=Reliability.choices, help_text="Admiralty grade; repeat."
    )
    parent = IdFilter(field_name="parent_id", help_text="Sources speaking for this source.")
    root = IdFilter(field_name="root_id", help_text="Sources whose root affiliation is this one.")
    updated_since = IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601)."
    )
    search = filters.CharFilter(method="filter_search", help_text="In the name or an alias.")

    class Meta:
        model = Source
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        return source_search(queryset, value)


class DocumentFilter(filters.FilterSet):
    outlet = IdFilter(field_name="outlet_id", help_text="Published by this source.")
    title_mismatch = BooleanFilter(
        help_text="Documents whose published title does not fit the body."
    )
    created_since = IsoDateTimeFilter(
        field_name="created_at", lookup_expr="gte", help_text="Added at or after (ISO 8601)."
    )
    search = filters.CharFilter(field_name="title", lookup_expr="icontains", help_text="In title.")

    class Meta:
        model = Document
        fields: list[str] = []


class EventFilter(filters.FilterSet):
    party = IdFilter(field_name="parties", help_text="Events this source is a party to.")
    date_from = filters.DateFilter(
        field_name="date_start", lookup_expr="gte", help_text="Starting on or after this date."
    )
    date_to = filters.DateFilter(
        field_name="date_start", lookup_expr="lte", help_text="Starting on or before this date."
    )
    updated_since = IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601)."
    )
    search = filters.CharFilter(method="filter_search", help_text="In the name or the place.")

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(place__icontains=word))
        return queryset


class AccountFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id", help_text="Of this claim.")
    event = IdFilter(field_name="claim__event_id", help_text="Accounts of claims about it.")
    source = IdFilter(field_name="source_id", help_text="By this source (the speaker).")
    intermediary = IdFilter(field_name="intermediary_id", help_text="Relayed through this source.")
    document = IdFilter(field_name="document_id", help_text="Quoted from this document.")
    stance = filters.MultipleChoiceFilter(choices=Stance.choices, help_text="Stance; repeat.")
    updated_since = IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Changed at or after (ISO 8601)."
    )

    class Meta:
        model = Account
        fields: list[str] = []


class FlagFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id", help_text="Of this claim.")
    kind = filters.MultipleChoiceFilter(choices=FlagKind.choices, help_text="Kind; repeat.")
    reason = filters.MultipleChoiceFilter(choices=FlagReason.choices, help_text="Reason; repeat.")
    is_open = BooleanFilter(
        field_name="resolved_at", lookup_expr="isnull", help_text="Unresolved (true) or not."
    )
    raised_by = IdFilter(field_name="raised_by_id", help_text="Raised by this user (id).")

    class Meta:
        model = Flag
        fields: list[str] = []


class FindingFilter(filters.FilterSet):
    event = IdFilter(field_name="event_id", help_text="About this event.")
    claim = IdFilter(field_name="claims", help_text="Findings about this claim.")
    severity = filters.MultipleChoiceFilter(
        choices=FindingSeverity.choices, help_text="Severity; repeat."
    )
    kind = filters.MultipleChoiceFilter(choices=FindingKind.choices, help_text="Kind; repeat.")
    is_open = BooleanFilter(help_text="Unacknowledged conflicts and tensions (true).")

    class Meta:
        model = Finding
        fields: list[str] = []


class StatusChangeFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id", help_text="Of this claim.")
    to_status = filters.MultipleChoiceFilter(
        choices=VerificationStatus.choices, help_text="The verdict given; repeat."
    )
    changed_by = IdFilter(field_name="changed_by_id", help_text="Given by this user (id).")
    since = IsoDateTimeFilter(
        field_name="changed_at", lookup_expr="gte", help_text="Given at or after (ISO 8601)."
    )

    class Meta:
        model = StatusChange
        fields: list[str] = []


class SuggestionFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(
        choices=SuggestionStatus.choices,
        help_text="pending (the review queue), accepted or rejected; repeat. Default: all.",
    )
    document = IdFilter(field_name="document_id", help_text="Suggested from this document.")
    stance = filters.MultipleChoiceFilter(choices=Stance.choices, help_text="Stance; repeat.")
    aspect = filters.MultipleChoiceFilter(choices=Aspect.choices, help_text="Aspect; repeat.")
    source = IdFilter(field_name="source_id", help_text="Spoken by this (matched) source.")
    event = IdFilter(field_name="event_id", help_text="About this event.")
    search = filters.CharFilter(
        method="filter_search", help_text="Every word in the quote, claim or speaker as written."
    )

    class Meta:
        model = Suggestion
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(quote__icontains=word)
                | Q(claim_text__icontains=word)
                | Q(speaker_text__icontains=word)
            )
        return queryset


class NamedEntityFilter(filters.FilterSet):
    kind = filters.MultipleChoiceFilter(choices=EntityKind.choices, help_text="Kind; repeat.")
    source = IdFilter(field_name="source_id", help_text="The entry for this source.")
    search = filters.CharFilter(method="filter_search", help_text="In the name or an alias.")

    class Meta:
        model = NamedEntity
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        return entity_search(queryset, value)


class CommentFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id", help_text="On this claim.")
    event = IdFilter(field_name="event_id", help_text="On this event.")
    author = IdFilter(field_name="author_id", help_text="Written by this user (id).")

    class Meta:
        model = Comment
        fields: list[str] = []


class AssignmentFilter(filters.FilterSet):
    claim = IdFilter(field_name="claim_id", help_text="Of this claim.")
    event = IdFilter(field_name="event_id", help_text="Of this event.")
    assignee = IdFilter(field_name="assignee_id", help_text="Assigned to this user (id).")
    is_current = BooleanFilter(
        field_name="ended_at", lookup_expr="isnull", help_text="Still current (true) or ended."
    )

    class Meta:
        model = Assignment
        fields: list[str] = []
