from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path
from django.views.defaults import page_not_found
from django.views.generic import RedirectView

admin.site.site_header = "tracker: sources and verification"
admin.site.site_title = "tracker"
admin.site.index_title = "Newsroom verification desk"

urlpatterns = [
    # The editors land on their inbox.
    path("", RedirectView.as_view(pattern_name="admin:tracker_inbox", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/", include("tracker.api.urls")),
]


def not_found(request, exception):
    """A 404 in the API's own format for /api/ paths that no route matches.

    DRF answers 404s of the routes it serves; a path its routes do not match at
    all (``/api/claims/abc/``: ids are ints) reaches Django's HTML page, which a
    client that asked for JSON cannot read. The admin keeps Django's page.
    """
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return page_not_found(request, exception)


handler404 = not_found
handler500 = "tracker.request_id.server_error"
