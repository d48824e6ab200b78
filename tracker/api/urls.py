from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from tracker.api.views.accounts import AccountViewSet
from tracker.api.views.archives import ArchiveUploadView
from tracker.api.views.auth import TokenDetailView, TokenListView, TokenView
from tracker.api.views.bundles import EventBundleView
from tracker.api.views.captures import CaptureViewSet
from tracker.api.views.claims import ClaimViewSet
from tracker.api.views.conflicts import ConflictViewSet
from tracker.api.views.desk import (
    AssignmentViewSet,
    ClaimTimelineView,
    CommentViewSet,
    EventTimelineView,
    InboxView,
    MyDeskView,
)
from tracker.api.views.documents import DocumentViewSet
from tracker.api.views.events import EventViewSet
from tracker.api.views.exports import ClaimCSVExportView, ClaimReviewFeedView
from tracker.api.views.flags import FlagViewSet
from tracker.api.views.names import NamedEntityViewSet
from tracker.api.views.sources import SourceViewSet
from tracker.api.views.status_changes import StatusChangeViewSet
from tracker.api.views.suggestions import SuggestionViewSet

app_name = "api"

# Path converters rather than regexes: ids are ints, in the URLs and in the schema.
router = SimpleRouter(use_regex_path=False)
router.register("sources", SourceViewSet, basename="source")
router.register("documents", DocumentViewSet, basename="document")
router.register("captures", CaptureViewSet, basename="capture")
router.register("events", EventViewSet, basename="event")
router.register("claims", ClaimViewSet, basename="claim")
router.register("accounts", AccountViewSet, basename="account")
router.register("flags", FlagViewSet, basename="flag")
router.register("conflicts", ConflictViewSet, basename="finding")
router.register("status-changes", StatusChangeViewSet, basename="statuschange")
router.register("suggestions", SuggestionViewSet, basename="suggestion")
router.register("names", NamedEntityViewSet, basename="namedentity")
router.register("comments", CommentViewSet, basename="comment")
router.register("assignments", AssignmentViewSet, basename="assignment")

urlpatterns = [
    # Before the router, whose claims/<pk>/ would not match it anyway (ids only).
    path("claims/export.csv", ClaimCSVExportView.as_view(), name="claim-export"),
    path("claimreview/", ClaimReviewFeedView.as_view(), name="claimreview-feed"),
    path("inbox/", InboxView.as_view(), name="inbox"),
    path("archives/", ArchiveUploadView.as_view(), name="archive-upload"),
    path("desk/mine/", MyDeskView.as_view(), name="my-desk"),
    path("claims/<int:pk>/timeline/", ClaimTimelineView.as_view(), name="claim-timeline"),
    path("events/<int:pk>/timeline/", EventTimelineView.as_view(), name="event-timeline"),
    path("events/<int:pk>/bundle/", EventBundleView.as_view(), name="event-bundle"),
    path("auth/token/", TokenView.as_view(), name="token"),
    path("auth/tokens/", TokenListView.as_view(), name="token-list"),
    path("auth/tokens/<int:pk>/", TokenDetailView.as_view(), name="token-detail"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's init script as a file (?script): the
    # Content-Security-Policy allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
