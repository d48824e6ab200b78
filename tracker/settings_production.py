"""Production settings: everything in ``tracker.settings`` plus transport security.

Served over HTTPS behind a reverse proxy that sets X-Forwarded-Proto.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from tracker.settings import *  # noqa: F403
from tracker.settings import env_bool

DEBUG = env_bool("DEBUG", False)
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production settings")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of 50+ characters")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The API's throttles count in the cache. Each gunicorn worker (and each app
# host) would keep its own counts in the default per-process cache, multiplying
# every limit by their number; a table in the database they share holds one
# count for all, with no other service to run (``manage.py createcachetable``).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": os.environ.get("CACHE_TABLE", "tracker_cache"),
    }
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
