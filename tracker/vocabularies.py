"""The controlled vocabularies of tracker and how they map onto others.

Everything that names a status, a stance, an aspect or a source kind is here,
so that models, services, the admin, the API and exports share one spelling.
The mapping onto Meedan Check, Airwars and schema.org ClaimReview lives here
too: exports read it, nothing else restates it.
"""

from dataclasses import dataclass

from django.db import models


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    IN_REVIEW = "in_review", "In review"
    CORROBORATED = "corroborated", "Corroborated"
    CONFIRMED = "confirmed", "Confirmed"
    DISPUTED = "disputed", "Disputed"
    UNVERIFIABLE = "unverifiable", "Could not verify"
    FALSE = "false", "False"


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
    VerificationStatus.UNVERIFIED: ExternalRating("Unstarted", "", "", "Unverified", None),
    VerificationStatus.IN_REVIEW: ExternalRating("In Progress", "", "", "In review", None),
    VerificationStatus.CORROBORATED: ExternalRating(
        "Verified", "Fair", "credible", "Corroborated", 4
    ),
    VerificationStatus.CONFIRMED: ExternalRating(
        "Verified", "Confirmed", "credible", "Confirmed", 5
    ),
    VerificationStatus.DISPUTED: ExternalRating("Inconclusive", "Contested", "", "Disputed", 2),
    VerificationStatus.UNVERIFIABLE: ExternalRating(
        "Inconclusive", "Weak", "non-credible", "Could not verify", None
    ),
    VerificationStatus.FALSE: ExternalRating("False", "Discounted", "non-credible", "False", 1),
}
