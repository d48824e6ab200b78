"""The controlled vocabularies of tracker and how they map onto others.

Everything that names a status, a stance, an aspect or a source kind is here,
so that models, services, the admin, the API and exports share one spelling.
The mapping onto Meedan Check, Airwars and schema.org ClaimReview lives here
too: exports read it, nothing else restates it.
"""

from dataclasses import dataclass

from django.db import models


def label_of(vocabulary: type[models.TextChoices], value: str) -> str:
    """The label of a stored code; one no longer in the vocabulary (an old row) reads as words."""
    return vocabulary(value).label if value in vocabulary.values else value.replace("_", " ")


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    IN_REVIEW = "in_review", "In review"
    CORROBORATED = "corroborated", "Corroborated"
    CONFIRMED = "confirmed", "Confirmed"
    DISPUTED = "disputed", "Disputed"
    UNVERIFIABLE = "unverifiable", "Could not verify"
    FALSE = "false", "False"


# The statuses that are no verdict: nothing is published, nothing is certified.
NO_VERDICT = frozenset({VerificationStatus.UNVERIFIED, VerificationStatus.IN_REVIEW})


class Stance(models.TextChoices):
    ASSERTS = "asserts", "Asserts"
    HEDGES = "hedges", "Hedges"
    DENIES = "denies", "Denies"
    INVESTIGATING = "investigating", "Investigating"
    CANNOT_VERIFY = "cannot_verify", "Cannot verify"
    RETRACTS = "retracts", "Retracts"


class Aspect(models.TextChoices):
    KILLED = "killed", "Killed"
    INJURED = "injured", "Injured"
    PERPETRATOR = "perpetrator", "Perpetrator"
    CHARACTERIZATION = "characterization", "Characterization"
    TERRITORIAL_CONTROL = "territorial_control", "Control of territory"
    OTHER = "other", "Other"


# Aspects whose claims are counts and therefore carry an interval.
COUNT_ASPECTS = frozenset({Aspect.KILLED, Aspect.INJURED})
# Aspects where one event admits one answer: two parties named contest each other.
EXCLUSIVE_ASPECTS = frozenset({Aspect.PERPETRATOR})


class Unit(models.TextChoices):
    PEOPLE = "people", "people"
    KM2 = "km2", "square kilometres"
    BUILDINGS = "buildings", "buildings"
    STRIKES = "strikes", "strikes"
    OTHER = "other", "other"


class SourceKind(models.TextChoices):
    OUTLET = "outlet", "News outlet"
    NEWS_AGENCY = "news_agency", "News agency"
    STATE_MEDIA = "state_media", "State media"
    GOVERNMENT = "government", "Government body"
    ARMED_PARTY = "armed_party", "Armed party"
    SPOKESPERSON = "spokesperson", "Spokesperson"
    NGO = "ngo", "NGO"
    INTERNATIONAL_ORG = "international_org", "International organisation"
    WITNESS = "witness", "Witness"
    OTHER = "other", "Other"


# Kinds whose sources are people. Two people may share a name, so a person's
# name is unique only among those speaking for the same body (their parent);
# every other source's name is unique across all sources.
PERSON_KINDS = frozenset({SourceKind.SPOKESPERSON, SourceKind.WITNESS})


class Reliability(models.TextChoices):
    """The Admiralty (NATO) source-reliability grade."""

    A = "A", "A: completely reliable"
    B = "B", "B: usually reliable"
    C = "C", "C: fairly reliable"
    D = "D", "D: not usually reliable"
    E = "E", "E: unreliable"
    F = "F", "F: reliability cannot be judged"


class FlagKind(models.TextChoices):
    COULD_NOT_VERIFY = "could_not_verify", "Could not verify"
    NEEDS_SECOND_SOURCE = "needs_second_source", "Needs a second source"
    WRONG_ATTRIBUTION = "wrong_attribution", "Attribution looks wrong"
    POSSIBLE_DUPLICATE = "possible_duplicate", "Possible duplicate"
    OTHER = "other", "Other"


class FlagReason(models.TextChoices):
    NO_INDEPENDENT_ACCESS = "no_independent_access", "No independent access"
    SINGLE_SOURCE = "single_source", "Single source"
    SOURCE_UNREACHABLE = "source_unreachable", "Source unreachable"
    CONFLICTING_ACCOUNTS = "conflicting_accounts", "Conflicting accounts"
    OTHER = "other", "Other"


class FindingSeverity(models.TextChoices):
    CONFLICT = "conflict", "Conflict"
    TENSION = "tension", "Tension"
    INFO = "info", "Info"


# A finding with one of these severities is an open conflict until an editor
# acknowledges it; "has open conflict" filters on exactly this.
OPEN_SEVERITIES = frozenset({FindingSeverity.CONFLICT, FindingSeverity.TENSION})


class FindingKind(models.TextChoices):
    """What a finding is about. The order is the order findings are listed in."""

    COUNT_CONFLICT = "count_conflict", "Figures conflict"
    STANCE_CONFLICT = "stance_conflict", "Stances conflict"
    PERPETRATOR_CONTESTED = "perpetrator_contested", "Responsibility contested"
    FIGURES_DIFFER = "figures_differ", "Figures differ widely"
    STANCE_TENSION = "stance_tension", "Assertion against hedge"
    INTERNAL_INCONSISTENCY = "internal_inconsistency", "Inconsistent figures from one source"
    COUNT_AGREEMENT = "count_agreement", "Figures agree"
    BEST_SUPPORTED = "best_supported", "Best-supported figure"
    UNCONFIRMED_BY = "unconfirmed_by", "Unconfirmed by"
    COUNTED_ONCE = "counted_once", "Counted once"
    INTERESTED = "interested", "Interested"
    RETRACTED = "retracted", "Retracted"
    NOT_COMPARABLE = "not_comparable", "Not comparable"
    AFFILIATION_CYCLE = "affiliation_cycle", "Affiliation loop"


# Kinds that can carry an open severity. A hedged side lowers a count conflict
# or a contested perpetrator from "conflict" to "tension", and a toll that rose
# over time makes differing figures "info", so severity, not kind, decides
# whether a given finding is open.
CONFLICT_KINDS = frozenset(
    {
        FindingKind.COUNT_CONFLICT,
        FindingKind.STANCE_CONFLICT,
        FindingKind.PERPETRATOR_CONTESTED,
        FindingKind.FIGURES_DIFFER,
        FindingKind.STANCE_TENSION,
        FindingKind.INTERNAL_INCONSISTENCY,
    }
)


class SuggestionBasis(models.TextChoices):
    """Why the comparison suggests a claim's status; the label completes "because ..."."""

    DISPUTED = "disputed", "a conflict involves it"
    CORROBORATED = "corroborated", "independent sources assert it, at least one not a party"
    INTERESTED_ONLY = "interested_only", "only parties to the event assert it"
    SINGLE_INTERESTED_SOURCE = (
        "single_interested_source",
        "one source asserts it, and it is a party to the event",
    )
    SINGLE_SOURCE = "single_source", "one independent source asserts it"
    HEDGED_ONLY = "hedged_only", "its sources only hedge it"
    RETRACTED = "retracted", "its only supporters retracted it"
    DENIED_ONLY = "denied_only", "nobody supports it and someone denies it"
    UNCONFIRMED = "unconfirmed", "sources only say they could not verify it or are looking into it"
    NO_ACCOUNTS = "no_accounts", "it has no accounts yet"


BASIS_STATUS: dict[str, str] = {
    SuggestionBasis.DISPUTED: VerificationStatus.DISPUTED,
    SuggestionBasis.CORROBORATED: VerificationStatus.CORROBORATED,
    SuggestionBasis.INTERESTED_ONLY: VerificationStatus.UNVERIFIED,
    SuggestionBasis.SINGLE_INTERESTED_SOURCE: VerificationStatus.UNVERIFIED,
    SuggestionBasis.SINGLE_SOURCE: VerificationStatus.UNVERIFIED,
    SuggestionBasis.HEDGED_ONLY: VerificationStatus.UNVERIFIED,
    SuggestionBasis.RETRACTED: VerificationStatus.UNVERIFIED,
    SuggestionBasis.DENIED_ONLY: VerificationStatus.UNVERIFIED,
    SuggestionBasis.UNCONFIRMED: VerificationStatus.UNVERIFIABLE,
    SuggestionBasis.NO_ACCOUNTS: VerificationStatus.UNVERIFIED,
}


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class SuggestionVoice(models.TextChoices):
    """How a suggestion's speaker relates to the text."""

    SOURCE = "source", "Attributed to a source"
    OUTLET = "outlet", "The outlet's own voice"


class CaptureOrigin(models.TextChoices):
    """How the bytes of a capture reached tracker."""

    PASTED = "pasted", "Pasted in the admin"
    API = "api", "Sent to the API"
    FILE = "file", "A .txt or .html file"
    JSONL_LINE = "jsonl_line", "A line of a .jsonl file"
    WEB_ARCHIVE = "web_archive", "A web archive record"
    # Documents stored before captures were kept: their bytes are rebuilt from
    # the stored text, so none of them pretends to be what was captured.
    RECONSTRUCTED = "reconstructed", "Reconstructed from stored text"


class AirwarsGrade(models.TextChoices):
    """Airwars' grades of an event, from the strongest to the weakest evidence."""

    CONFIRMED = "confirmed", "Confirmed"
    CONTESTED = "contested", "Contested"
    FAIR = "fair", "Fair"
    WEAK = "weak", "Weak"
    DISCOUNTED = "discounted", "Discounted"


@dataclass(frozen=True)
class AirwarsStep:
    """One step of the Airwars scale as tracker uses it, for events and claims alike."""

    meaning: str  # completes "Suggested Fair: ..."
    # The claim statuses that read as this grade. An editor's verdict on a
    # claim and a grade of its event speak the same scale through this table.
    statuses: tuple[str, ...]
    # Whether the comparison may suggest it; Discounted is an editor's call only.
    suggested: bool = True


# The one table of the scale: the event grade vocabulary, what each grade
# means, and which claim statuses read as it. Everything below derives from it.
AIRWARS_SCALE: dict[str, AirwarsStep] = {
    AirwarsGrade.CONFIRMED: AirwarsStep(
        "a belligerent accepts responsibility", (VerificationStatus.CONFIRMED,)
    ),
    AirwarsGrade.CONTESTED: AirwarsStep(
        "there are competing claims of responsibility", (VerificationStatus.DISPUTED,)
    ),
    AirwarsGrade.FAIR: AirwarsStep(
        "two or more independent, disinterested sources agree on what happened",
        (VerificationStatus.CORROBORATED,),
    ),
    AirwarsGrade.WEAK: AirwarsStep(
        "it rests on a single source", (VerificationStatus.UNVERIFIABLE,)
    ),
    AirwarsGrade.DISCOUNTED: AirwarsStep(
        "an editor judged the reports unfounded", (VerificationStatus.FALSE,), suggested=False
    ),
}

# What each grade means, for the explanation of a suggested or recorded grade.
AIRWARS_MEANING = {grade: step.meaning for grade, step in AIRWARS_SCALE.items()}
# The grades the comparison may suggest.
SUGGESTED_GRADES = frozenset(grade for grade, step in AIRWARS_SCALE.items() if step.suggested)


def _status_airwars() -> dict[str, str]:
    mapping = dict.fromkeys(VerificationStatus.values, "")
    for grade, step in AIRWARS_SCALE.items():
        for status in step.statuses:
            if mapping[status]:
                raise ValueError(f"status {str(status)!r} reads as two Airwars grades")
            mapping[status] = grade
    return mapping


# How a claim's status reads as an Airwars grade; "" where it says nothing yet
# (unverified, in review). Derived from AIRWARS_SCALE, and STATUS_MAPPING below
# takes its Airwars column from here, so the three cannot disagree.
STATUS_AIRWARS: dict[str, str] = _status_airwars()


def airwars_label(status: str) -> str:
    grade = STATUS_AIRWARS.get(status, "")
    return AirwarsGrade(grade).label if grade else ""


@dataclass(frozen=True)
class ExternalRating:
    """How one of our statuses reads in the vocabularies newsrooms already use."""

    meedan_check: str
    airwars: str
    coalition: str
    claimreview_name: str
    # schema.org Rating on a 1 (false) to 5 (true) scale; None where no verdict exists.
    claimreview_value: int | None


STATUS_MAPPING: dict[str, ExternalRating] = {
    VerificationStatus.UNVERIFIED: ExternalRating(
        "Unstarted", airwars_label(VerificationStatus.UNVERIFIED), "", "Unverified", None
    ),
    VerificationStatus.IN_REVIEW: ExternalRating(
        "In Progress", airwars_label(VerificationStatus.IN_REVIEW), "", "In review", None
    ),
    VerificationStatus.CORROBORATED: ExternalRating(
        "Verified", airwars_label(VerificationStatus.CORROBORATED), "credible", "Corroborated", 4
    ),
    VerificationStatus.CONFIRMED: ExternalRating(
        "Verified", airwars_label(VerificationStatus.CONFIRMED), "credible", "Confirmed", 5
    ),
    VerificationStatus.DISPUTED: ExternalRating(
        "Inconclusive", airwars_label(VerificationStatus.DISPUTED), "", "Disputed", 2
    ),
    VerificationStatus.UNVERIFIABLE: ExternalRating(
        "Inconclusive",
        airwars_label(VerificationStatus.UNVERIFIABLE),
        "non-credible",
        "Could not verify",
        None,
    ),
    VerificationStatus.FALSE: ExternalRating(
        "False", airwars_label(VerificationStatus.FALSE), "non-credible", "False", 1
    ),
}
