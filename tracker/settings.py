"""Settings for tracker, read from the environment.

Development and tests use these defaults (SQLite in WAL mode). Production
deployments point DJANGO_SETTINGS_MODULE at ``tracker.settings_production``,
which turns on every transport-security setting ``check --deploy`` asks for.
"""

import ipaddress
import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A fixed key is only acceptable for local development and tests; production
# settings refuse to start without a real one.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "tracker",
]

MIDDLEWARE = [
    # First: every later middleware's log lines and failures carry the id.
    "tracker.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "tracker.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tracker.security.RejectUndecodableRequestsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: its refusal is the admin's page, which asks who is signed in.
    "tracker.login_throttle.AddressLockoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A write that timed out waiting for the database lock is a 503, not a 500.
    "tracker.busy.DatabaseBusyMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Django's form renderer with the widgets' attributes written in Python (see the module).
FORM_RENDERER = "tracker.form_rendering.WidgetRenderer"

WSGI_APPLICATION = "tracker.wsgi.application"

SQLITE_PATH = BASE_DIR / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{SQLITE_PATH}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; IMMEDIATE takes the write
    # lock at BEGIN so two writers queue instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation pays off for long analytic scans; for a page of 50 rows
    # it costs more than the query (a second on the review queue at a million
    # claims), because the planner's estimates for such pages cross its threshold.
    # lock_timeout: a write waits at most 5 s for a row another transaction
    # holds, as on SQLite (busy_timeout), then the client gets a 503 with
    # Retry-After (tracker.busy) instead of a request that hangs.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off -c lock_timeout=5s".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Captures: the bytes every document came from, kept untouched and addressed
# by their SHA-256 (tracker.capture_storage). Outside the checkout by default,
# so a fresh clone or a `git clean` never touches evidence. Any Django storage
# backend works (an S3-compatible bucket: deploy/README.md); it must not
# overwrite a name that exists, which FileSystemStorage never does.
CAPTURE_ROOT = Path(
    os.environ.get("TRACKER_CAPTURE_ROOT") or BASE_DIR.parent / f"{BASE_DIR.name}-captures"
)
CAPTURE_STORAGE_OPTIONS = (
    json.loads(os.environ["TRACKER_CAPTURE_STORAGE_OPTIONS"])
    if os.environ.get("TRACKER_CAPTURE_STORAGE_OPTIONS")
    # Files are written read-only: the app writes an address once, and purging
    # (a legal takedown) deletes, which the directory's permission allows.
    else {
        "location": str(CAPTURE_ROOT),
        "file_permissions_mode": 0o444,
        "directory_permissions_mode": 0o755,
    }
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "captures": {
        "BACKEND": os.environ.get(
            "TRACKER_CAPTURE_STORAGE", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": CAPTURE_STORAGE_OPTIONS,
    },
}

LOGIN_URL = "admin:login"

# --- Logins: lockout after repeated failures (django-axes) ------------------

AUTHENTICATION_BACKENDS = [
    "tracker.security.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# After this many failed logins for one username from one address, that
# pair is locked out for AXES_COOLOFF_TIME (hours). Per pair rather than per
# address: a newsroom behind one NAT address should not be locked out by one
# person's typos, nor can anyone lock an editor out from elsewhere.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tracker.security.lockout_response"
# The client address as the throttles see it (NUM_PROXIES, below).
AXES_CLIENT_IP_CALLABLE = "tracker.security.client_ip"

# Password spraying (one password, many usernames) never trips the per-user
# lockout above; tracker.login_throttle counts failed logins per address:
# LOGIN_FAILURE_LIMIT in LOGIN_FAILURE_WINDOW seconds refuse that address's
# logins (429) for LOGIN_ADDRESS_LOCKOUT seconds. A newsroom whose people
# share one address lists it in LOGIN_TRUSTED_NETWORKS (CIDR, comma-separated):
# exempt from this count, never from the per-user lockout.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "20"))
LOGIN_FAILURE_WINDOW = int(os.environ.get("LOGIN_FAILURE_WINDOW_MINUTES", "10")) * 60
LOGIN_ADDRESS_LOCKOUT = int(os.environ.get("LOGIN_ADDRESS_LOCKOUT_MINUTES", "15")) * 60
LOGIN_TRUSTED_NETWORKS = env_list("LOGIN_TRUSTED_NETWORKS", [])
for _network in LOGIN_TRUSTED_NETWORKS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(f"LOGIN_TRUSTED_NETWORKS: {error}") from error

# API tokens (tracker.models.ApiToken) expire this many days after they are made.
API_TOKEN_LIFETIME_DAYS = int(os.environ.get("API_TOKEN_LIFETIME_DAYS", "30"))
if not 1 <= API_TOKEN_LIFETIME_DAYS <= 366:
    raise ImproperlyConfigured("API_TOKEN_LIFETIME_DAYS must be from 1 to 366")

# --- Content Security Policy (tracker.security; Django 6.0's name) ---------

# Everything comes from this server: no CDN, no inline script or style (the
# admin has none; the API's Swagger UI loads its init script as a file).
# Images may be data: URIs, which the admin's and Swagger UI's CSS use for icons.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Large pastes of article text are expected; anything beyond this is refused
# with a 400 rather than read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# Web archives (WARC, WACZ) uploaded through the admin or the API; larger ones
# are refused with a pointer to `manage.py ingest`, which streams any size.
ARCHIVE_UPLOAD_MAX_BYTES = DATA_UPLOAD_MAX_MEMORY_SIZE

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Everything goes to stderr, where gunicorn and systemd's journal pick it up,
# each line with the request id that the response's X-Request-ID also names.
# ``django.request`` logs every 5xx with its traceback: without a handler of
# our own, Django sends those (DEBUG off) only to ADMINS by mail, that is nowhere.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "tracker.request_id.RequestIdFilter"}},
    "formatters": {
        "with_request_id": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "with_request_id",
        },
    },
    "loggers": {
        "tracker": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "django.request": {"handlers": ["console"], "level": "ERROR"},
    },
}


# --- REST API (tracker/api) ------------------------------------------------

REST_FRAMEWORK = {
    # Token first: its ``authenticate_header`` makes an anonymous request a 401
    # with WWW-Authenticate rather than a 403. Session auth (with CSRF) serves
    # the browser, e.g. the interactive docs while signed in to the admin.
    # Failures of either are logged by tracker.api.exceptions.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tracker.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["tracker.api.permissions.ModelPermissions"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["tracker.api.parsers.BoundedJSONParser"],
    "DEFAULT_FILTER_BACKENDS": [
        # First: a misspelt parameter is refused before any filter runs.
        "tracker.api.query_parameters.KnownParameters",
        "tracker.api.query_parameters.ChoiceNamingFilterBackend",
        "tracker.api.filters.Ordering",
    ],
    "DEFAULT_PAGINATION_CLASS": "tracker.api.pagination.NewestFirstCursor",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["tracker.api.throttling.WriteRateThrottle"],
    # Rates come from the environment so tests and busy desks can set their own.
    "DEFAULT_THROTTLE_RATES": {
        "writes": os.environ.get("TRACKER_API_WRITE_RATE", "120/minute"),
        "auth": os.environ.get("TRACKER_API_AUTH_RATE", "10/minute"),
    },
    # Throttles key anonymous clients by address. With the default (None) DRF
    # trusts any X-Forwarded-For a client sends, which would let it dodge the
    # login throttle; set NUM_PROXIES to the number of proxies in front.
    "NUM_PROXIES": int(os.environ.get("NUM_PROXIES", "0")),
    "EXCEPTION_HANDLER": "tracker.api.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "tracker.api.schema.TrackerAutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # Formats are chosen with the Accept header; a ?format= parameter on every
    # endpoint would only be one more way to ask for the same thing.
    "URL_FORMAT_OVERRIDE": None,
    # Unicode as is in JSON; ids and offsets are what tools compute with.
    "UNICODE_JSON": True,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "tracker API",
    "DESCRIPTION": (
        "Claims, sources, accounts, flags and verdicts of the newsroom's verification desk. "
        "Authenticate with `Authorization: Token <key>` (POST /api/auth/token/; tokens "
        "expire, and are listed and revoked at /api/auth/tokens/) or a signed-in admin "
        "session. Writes to a resource that has an ETag need `If-Match`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "VerificationStatusEnum": "tracker.vocabularies.VerificationStatus",
        "StanceEnum": "tracker.vocabularies.Stance",
        "AspectEnum": "tracker.vocabularies.Aspect",
        "UnitEnum": "tracker.vocabularies.Unit",
        "SourceKindEnum": "tracker.vocabularies.SourceKind",
        "ReliabilityEnum": "tracker.vocabularies.Reliability",
        "FlagKindEnum": "tracker.vocabularies.FlagKind",
        "FlagReasonEnum": "tracker.vocabularies.FlagReason",
        "SeverityEnum": "tracker.vocabularies.FindingSeverity",
        "AirwarsGradeEnum": "tracker.vocabularies.AirwarsGrade",
    },
}

# Off by default: with it on, anonymous clients may read the ClaimReview feed
# (claims with a published verdict) and nothing else.
TRACKER_PUBLIC_VERDICTS = env_bool("TRACKER_PUBLIC_VERDICTS", False)
# The newsroom named as the author of its ClaimReviews.
TRACKER_PUBLISHER_NAME = os.environ.get("TRACKER_PUBLISHER_NAME", "Newsroom verification desk")
TRACKER_PUBLISHER_URL = os.environ.get("TRACKER_PUBLISHER_URL", "")
# Where a claim's verdict is published, with "{id}" for the claim; empty means
# the ClaimReview's own URL in the API.
TRACKER_CLAIMREVIEW_URL = os.environ.get("TRACKER_CLAIMREVIEW_URL", "")
