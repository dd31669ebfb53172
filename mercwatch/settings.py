"""Django settings for mercwatch, read from the environment in this one place.

Every variable read here is documented in docs/settings.md (a test checks it).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from mercwatch.core.client import networks
from mercwatch.core.origin import base_url

BASE_DIR = Path(__file__).resolve().parent.parent


def _env(name: str, default: str = "") -> str:
    """Give the environment variable `name`, or `default` when unset or empty."""
    return os.environ.get(name, "") or default


def _env_bool(name: str, default: bool = False) -> bool:
    value = _env(name, "1" if default else "0").strip().lower()
    if value not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
        raise ImproperlyConfigured(f"{name}: expected a boolean (1/0, true/false), got {value!r}")
    return value in {"1", "true", "yes", "on"}


def _whole(name: str, value: str) -> int:
    """Give `value` of the variable `name` as a whole number of at least 0."""
    if not value.strip().isdigit():
        raise ImproperlyConfigured(f"{name}: expected a whole number (0 or more), got {value!r}")
    return int(value)


ENVIRONMENT = _env("MERCWATCH_ENV", "production")
if ENVIRONMENT not in {"production", "development", "test"}:
    raise ImproperlyConfigured(
        f"MERCWATCH_ENV: expected production, development or test, got {ENVIRONMENT!r}"
    )

DEBUG = _env_bool("MERCWATCH_DEBUG", default=False)

# Only serving needs a lasting key (sessions, CSRF, signed cookies): the data commands (check,
# load, score, export, stats, dump, explain) sign nothing, so a throw-away key per process is
# enough for them. `mercwatch serve` and the WSGI entry point refuse to start in production
# without one (require_secret_key below).
SECRET_KEY_IS_SET = bool(_env("SECRET_KEY"))
SECRET_KEY = _env("SECRET_KEY") or secrets.token_urlsafe(50)

ALLOWED_HOSTS = [h.strip() for h in _env("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
# Absolute links (an API page's `next`, the API's front door, the feeds) start with this; unset,
# with the request's scheme and host, and every cache of answers then keys on both.
try:
    BASE_URL = base_url(_env("MERCWATCH_BASE_URL")) if _env("MERCWATCH_BASE_URL") else ""
except ValueError as exc:
    raise ImproperlyConfigured(f"MERCWATCH_BASE_URL: {exc}") from None
# The proxies whose X-Forwarded-For names the client (addresses or networks, comma-separated);
# unset, the client is the peer's address and the header is ignored (mercwatch/core/client.py).
TRUSTED_PROXIES = [p.strip() for p in _env("MERCWATCH_TRUSTED_PROXIES").split(",") if p.strip()]
try:
    networks(TRUSTED_PROXIES)
except ValueError as exc:
    raise ImproperlyConfigured(f"MERCWATCH_TRUSTED_PROXIES: {exc}") from None

DATA_DIR = Path(_env("MERCWATCH_DATA_DIR", str(BASE_DIR / "data")))
VAR_DIR = Path(_env("MERCWATCH_VAR_DIR", str(BASE_DIR / "var")))
METHODOLOGY_VERSION = _env("MERCWATCH_METHODOLOGY", "") or None
SERVE_WORKERS = int(_env("WEB_CONCURRENCY", "2"))
SERVE_MAX_REQUESTS = int(_env("MERCWATCH_MAX_REQUESTS", "5000"))
# Seconds a client has to send a request's headers (0: no limit), and a worker's event loop to
# answer its heartbeat before gunicorn replaces the worker: `mercwatch serve`, docs/deploy.md.
SERVE_HEADER_TIMEOUT = _whole("MERCWATCH_HEADER_TIMEOUT", _env("MERCWATCH_HEADER_TIMEOUT", "10"))
SERVE_TIMEOUT = _whole("MERCWATCH_WORKER_TIMEOUT", _env("MERCWATCH_WORKER_TIMEOUT", "30"))
# Set by `mercwatch serve`: build the dataset and today's scorecard when the WSGI app is imported.
WARM_ON_START = _env_bool("MERCWATCH_WARM", default=False)
# Requests a minute per client address, counted in the cache every worker shares (CACHES); over
# it the answer is 429 with Retry-After (mercwatch/core/throttle.py). 0 turns a limit off.
API_RATE_LIMIT = _whole("MERCWATCH_API_RATE_LIMIT", _env("MERCWATCH_API_RATE_LIMIT", "120"))
SEARCH_RATE_LIMIT = _whole("MERCWATCH_SEARCH_RATE_LIMIT", _env("MERCWATCH_SEARCH_RATE_LIMIT", "30"))
# Screening (docs/screening.md): the score at or above which a candidate is reported, unless a
# run gives its own, and the most bytes and names of one list.
SCREEN_THRESHOLD = float(_env("MERCWATCH_SCREEN_THRESHOLD", "0.85"))
SCREEN_MAX_BYTES = int(_env("MERCWATCH_SCREEN_MAX_BYTES", str(2 * 1024 * 1024)))
SCREEN_MAX_ROWS = int(_env("MERCWATCH_SCREEN_MAX_ROWS", "10000"))
# Rendered API responses kept per worker, keyed by ETag; 0 turns the cache off.
API_CACHE_ENTRIES = int(_env("MERCWATCH_API_CACHE", "256"))
# What each worker keeps of the assessments it derived for particular dates (docs/settings.md).
DATED_CACHE_MB = int(_env("MERCWATCH_DATED_CACHE_MB", "32"))
# After a write, readers read again only the records it touched (store/current.py); 0 makes
# them read the whole database at every new version, as a check or to compare.
PATCH_SNAPSHOTS = _env_bool("MERCWATCH_PATCH_SNAPSHOTS", default=True)
# After a whole read, move the snapshot out of the garbage collector's full collections
# (store/current.py `settle`); off in tests, which read a small dataset hundreds of times.
FREEZE_SNAPSHOTS = _env_bool("MERCWATCH_FREEZE_SNAPSHOTS", default=ENVIRONMENT != "test")

# Database faults (docs/deploy.md): seconds to wait for a connection and for one statement
# (0: no limit), and the Retry-After of the 503 answered while the database is away
# (mercwatch/core/outage.py). A read-only database is opened read-only and served as it is.
DB_CONNECT_TIMEOUT = _whole(
    "MERCWATCH_DB_CONNECT_TIMEOUT", _env("MERCWATCH_DB_CONNECT_TIMEOUT", "5")
)
DB_STATEMENT_TIMEOUT = _whole(
    "MERCWATCH_DB_STATEMENT_TIMEOUT", _env("MERCWATCH_DB_STATEMENT_TIMEOUT", "30")
)
DB_RETRY_AFTER = _whole("MERCWATCH_DB_RETRY_AFTER", _env("MERCWATCH_DB_RETRY_AFTER", "30"))
DB_READ_ONLY = _env_bool("MERCWATCH_DB_READ_ONLY", default=False)

# Connections are kept for a minute and checked before each request's first query, so the
# first request after an outage reconnects instead of failing on a dead connection.
DATABASES = {
    "default": dj_database_url.parse(
        _env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'mercwatch.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
_options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DB_READ_ONLY:  # opened read-only: no journal mode to set, no write lock to take
        DATABASES["default"]["NAME"] = f"file:{DATABASES['default']['NAME']}?mode=ro"
        _options["uri"] = True
    else:
        _options.update(transaction_mode="IMMEDIATE", init_command="PRAGMA journal_mode=WAL;")
else:
    # libpq: give up connecting after DB_CONNECT_TIMEOUT; give up on a connection whose sent
    # data goes unacknowledged as long (a blackholed server), probing idle ones; the server
    # cancels a statement after DB_STATEMENT_TIMEOUT.
    _server = [f"-c statement_timeout={DB_STATEMENT_TIMEOUT * 1000}"]
    if DB_READ_ONLY:
        _server.append("-c default_transaction_read_only=on")
    _options.setdefault("options", " ".join(_server))
    if DB_CONNECT_TIMEOUT:
        _options.setdefault("connect_timeout", max(DB_CONNECT_TIMEOUT, 2))
        _options.setdefault("tcp_user_timeout", DB_CONNECT_TIMEOUT * 2000)
    _options.update(keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3)

# The cache the rate limits count in, shared by every worker: Redis when REDIS_URL is set, or a
# table of the database (created by `mercwatch migrate`: mercwatch/core/migrations/).
REDIS_URL = _env("REDIS_URL")
CACHE_TABLE = "mercwatch_cache"
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mercwatch",
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    )
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ninja",  # its static/ninja/ holds Swagger UI, source maps included: served from the wheel
    "mercwatch.core",
    "mercwatch.tracker",
    "mercwatch.market",
    "mercwatch.workflow",
    "mercwatch.store",
    "mercwatch.site",
    "mercwatch.api",
    "mercwatch.exports",
    "mercwatch.accounts",
    "mercwatch.review",
    "mercwatch.screening",
]

MIDDLEWARE = [
    "mercwatch.store.middleware.OneVersionMiddleware",  # a read answers from one data version
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below whitenoise, which answers static files (precompressed) before this runs; above every
    # other middleware, so that it compresses the body each of them produced or changed.
    "mercwatch.core.compression.TextGZipMiddleware",
    "mercwatch.api.middleware.ApiMiddleware",
    "mercwatch.core.methods.ReadOnlyMiddleware",  # before CSRF: a PUT is a 405, not a 403
    "mercwatch.site.null_bytes.RefuseNullBytesMiddleware",  # below the API's: its problem+json
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # marks a user verified by a one-time password
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it answers lockouts
]

ROOT_URLCONF = "mercwatch.urls"
WSGI_APPLICATION = "mercwatch.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mercwatch.site.context.site",
            ],
        },
    },
]

# Sign-in: django-axes refuses a locked-out client before any password is hashed (its backend
# comes first), so a flood of wrong passwords costs no Argon2 work once the limit is reached.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Two-factor sign-in to the back office (django-otp): a password and a one-time password from
# an authenticator app (TOTP) or a backup code, both registered with `mercwatch two_factor USER`.
# On by default in production; each failed code doubles the wait before the next is tried.
ADMIN_TWO_FACTOR = _env_bool("MERCWATCH_ADMIN_2FA", default=ENVIRONMENT == "production")
OTP_TOTP_ISSUER = "mercwatch"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# An app's secret is shown once, by the command; the back office never shows it again (nor its
# QR code), so a stolen back-office session cannot copy another member's second factor.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
AXES_FAILURE_LIMIT = int(_env("MERCWATCH_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(_env("MERCWATCH_LOGIN_COOLOFF_MINUTES", "15")))
# Lock a client address that keeps failing, and an account that is tried from many addresses.
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "site/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "mercwatch.core.client.client_address"  # behind a trusted proxy too
AXES_USERNAME_CALLABLE = "mercwatch.core.client.attempted_username"  # at most 150 characters
# The back office's path: a configurable prefix keeps it off the default scanners' list.
ADMIN_PATH = _env("MERCWATCH_ADMIN_PATH", "admin").strip("/") + "/"
# Staff sign in through the back office; there is no /accounts/ area to land on.
LOGIN_URL = f"/{ADMIN_PATH}login/"
LOGIN_REDIRECT_URL = f"/{ADMIN_PATH}"

# The review workflow's e-mails (docs/settings.md): printed by the console backend unless
# MERCWATCH_EMAIL_HOST names an SMTP server.
EMAIL_HOST = _env("MERCWATCH_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = _whole("MERCWATCH_EMAIL_PORT", _env("MERCWATCH_EMAIL_PORT", "587"))
EMAIL_HOST_USER = _env("MERCWATCH_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = _env("MERCWATCH_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("MERCWATCH_EMAIL_TLS", default=True)
DEFAULT_FROM_EMAIL = _env("MERCWATCH_EMAIL_FROM", "mercwatch <noreply@localhost>")
SUBMISSION_RATE_LIMIT = _whole(
    "MERCWATCH_SUBMISSION_RATE_LIMIT", _env("MERCWATCH_SUBMISSION_RATE_LIMIT", "10")
)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Back-office URL fields read an address typed without a scheme as https (Django 6 default).
FORMS_URLFIELD_ASSUME_HTTPS = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if ENVIRONMENT == "production"
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outside production, serve static files straight from the apps (no collectstatic needed).
WHITENOISE_USE_FINDERS = ENVIRONMENT != "production"
WHITENOISE_AUTOREFRESH = ENVIRONMENT != "production"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Behind HTTPS (a reverse proxy that terminates TLS and sets X-Forwarded-Proto): redirect plain
# HTTP, mark cookies secure and send HSTS, so `mercwatch systemcheck --deploy` is clean.
HTTPS = _env_bool("MERCWATCH_HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(_env("MERCWATCH_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading protects a reader's very first visit (people at risk read this site); an operator
# whose subdomains cannot all serve HTTPS turns it off.
SECURE_HSTS_PRELOAD = HTTPS and _env_bool("MERCWATCH_HSTS_PRELOAD", default=True)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): everything from this site only, no inline script, never
# framed (Swagger UI, on the API console page, runs under it too: its styles come from CSSOM).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": _env("MERCWATCH_LOG_LEVEL", "WARNING")},
}
