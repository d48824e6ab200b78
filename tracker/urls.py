from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "tracker: sources and verification"
admin.site.site_title = "tracker"
admin.site.index_title = "Newsroom verification desk"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/", admin.site.urls),
    path("api/", include("tracker.api.urls")),
]
