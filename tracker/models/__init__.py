from tracker.models.account import Account
from tracker.models.api_token import ApiToken
from tracker.models.bundle_export import BundleExport
from tracker.models.capture import Capture, CapturePurge
from tracker.models.claim import Claim, ReviewQueueClaim
from tracker.models.desk import Assignment, Comment
from tracker.models.document import Document
from tracker.models.entity import EntityAlias, EntityKind, NamedEntity
from tracker.models.event import Event, EventPlace
from tracker.models.event_grade import EventGradeChange
from tracker.models.finding import Finding, FindingOutlier, RemovedFinding
from tracker.models.flag import Flag
from tracker.models.source import Source, SourceAlias
from tracker.models.status_change import StatusChange
from tracker.models.suggestion import Extraction, Suggestion
from tracker.models.track_record import TrackRecordEntry

__all__ = [
    "Account",
    "ApiToken",
    "Assignment",
    "BundleExport",
    "Capture",
    "CapturePurge",
    "Claim",
    "Comment",
    "Document",
    "EntityAlias",
    "EntityKind",
    "Event",
    "EventGradeChange",
    "EventPlace",
    "Extraction",
    "Finding",
    "FindingOutlier",
    "Flag",
    "NamedEntity",
    "RemovedFinding",
    "ReviewQueueClaim",
    "Source",
    "SourceAlias",
    "StatusChange",
    "Suggestion",
    "TrackRecordEntry",
]
