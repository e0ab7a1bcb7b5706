"""Settings for the help site, read from the environment (django-environ) in this one place."""

import math
from pathlib import Path

import environ
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; the real environment wins

# The default key is only fit for a laptop: `check --deploy` flags it (security.W009),
# and the README says to set SECRET_KEY everywhere else (the same on every machine: docs/operations.md).
SECRET_KEY = env("SECRET_KEY", default="django-insecure-local-only-set-SECRET_KEY-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"  # the short page with the quick exit, not Django's

INSTALLED_APPS = [
    "modeltranslation",  # must precede the admin so translated fields show there
    "config.staff",  # before the admin too: its admin/base.html and admin/index.html extend the admin's own
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django.contrib.humanize",
    "config.login_attempts.LogInSecurityConfig",  # django-axes, named for staff
    "django_otp",  # the second factor of publishers and superusers (config/second_factor)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "config.second_factor",
    "import_export",
    "config.history",
    "config.sources",
    "offices",
    "partners",
    "guidance",
    "config.site",
    "config.reports",
    "config.api",
    "config.page_cache",
]

MIDDLEWARE = [
    "config.client_address.ForwardedByProxyOnlyMiddleware",  # before anything asks request.is_secure()
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.PrivacyHeadersMiddleware",  # wraps static files and cached pages too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag/Last-Modified → 304, for cached and uncached pages alike.
    "django.middleware.http.ConditionalGetMiddleware",
    "config.shared_cache.SharedCacheMiddleware",  # above the language cookie, which it must see
    # Above the page cache: the language cookie is set on cached pages too, and never stored.
    "config.middleware.RememberLanguageMiddleware",
    "config.page_cache.PageCacheMiddleware",
    "config.errors.DatabaseUnavailableMiddleware",  # below the page cache, which serves without the database
    # Below the page cache, which so stores compressed pages; never compresses a CSRF token (BREACH).
    "config.middleware.GZipWithoutSecretsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",  # Django's, with the Accept-Language mapping of config/language_negotiation.py
    "config.errors.ErrorPagesMiddleware",  # a blank 403 or 405 gets the short page, in the request's language
    "django.middleware.common.CommonMiddleware",
    "config.middleware.PageMethodsMiddleware",  # before CSRF: a POST to a page without a form gets 405
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # whether the session passed its second factor
    "config.second_factor.middleware.SecondFactorMiddleware",  # publishers and superusers: no admin page before it
    "config.history.middleware.ActingUserMiddleware",  # the field history says who changed what
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.known_browsers.LogInMiddleware",  # django-axes' lockout page, and the known browser's cookie
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "offices.context_processors.hotline",
                "config.site.notices.context",
                "config.context_processors.languages",
                "config.context_processors.quick_exit",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Staff saving at the same moment queue instead of failing with "database is locked": readers
    # never wait for a writer (WAL), a transaction takes the write lock when it starts (IMMEDIATE,
    # so none fails half-way when it first writes), and a writer waits up to `timeout` seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("SQLITE_TIMEOUT", default=20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    })
# A database that is down or hung fails fast (config/database): seconds to wait for a connection,
# and milliseconds the server may spend on one statement before it cancels it.
DATABASE_CONNECT_TIMEOUT = env.float("DATABASE_CONNECT_TIMEOUT", default=1.0)
DATABASE_STATEMENT_TIMEOUT = env.int("DATABASE_STATEMENT_TIMEOUT", default=5000)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "config.database.postgresql"  # Django's, with the fast failure
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", max(2, math.ceil(DATABASE_CONNECT_TIMEOUT)))  # libpq's minimum is 2
    _options.setdefault("options", f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT}")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory is per process: run one gunicorn process (config/gunicorn.py), or
# share a cache between processes and machines with CACHE_URL=redis://host:6379/0.
# Both are bounded: local memory by entries and bytes, Redis by its `maxmemory` (see docs/operations.md).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://help-site?max_entries=50000&max_bytes=67108864")}
# Django's backends with what the page cache needs (config/page_cache/store.py).
CACHES["default"]["BACKEND"] = {
    "django.core.cache.backends.locmem.LocMemCache": "config.page_cache.store.BoundedLocMemCache",
    "django.core.cache.backends.redis.RedisCache": "config.page_cache.store.RedisCache",
}.get(CACHES["default"]["BACKEND"], CACHES["default"]["BACKEND"])
# How long a public page stays in the page cache (config/page_cache/); 0 turns it off.
CACHE_SECONDS = env.int("CACHE_SECONDS", default=600)
# How long a shared cache in front (config/nginx/, a CDN) may keep a public page: the bound on how
# long after a publish a reader may still get the page before it (Cache-Control: s-maxage).
PROXY_CACHE_SECONDS = env.int("PROXY_CACHE_SECONDS", default=3)
# Whether responses say `X-Page-Cache: hit|miss` (always with DEBUG). Readers are never told.
PAGE_CACHE_STATUS_HEADER = env.bool("PAGE_CACHE_STATUS_HEADER", default=False)

# The UNHCR hotline (offices/content/offices.yaml), for the pages shown when the database is not
# there to tell it (config/errors.py: 503, 500); tests/test_database_outage.py keeps them equal.
HOTLINE_PHONE = "+77017447238"

# The chat lines (config/chat, docs/chat-lines.md): each webhook exists only when its secrets are set.
# Telegram: the secret part of the webhook's address, and the secret token Telegram sends in a header
# (setWebhook's secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -). RapidPro: `Authorization: Token …`.
TELEGRAM_WEBHOOK_SECRET = env("TELEGRAM_WEBHOOK_SECRET", default="")
TELEGRAM_SECRET_TOKEN = env("TELEGRAM_SECRET_TOKEN", default="")
RAPIDPRO_WEBHOOK_SECRET = env("RAPIDPRO_WEBHOOK_SECRET", default="")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Languages. Django has no entry for Dari or Pashto, so we add them (both written right-to-left).
LANG_INFO.setdefault("prs", {"bidi": True, "code": "prs", "name": "Dari", "name_local": "دری"})
LANG_INFO.setdefault("ps", {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"})
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("ar", _("Arabic")),
    ("prs", _("Dari")),
    ("zh-hans", _("Simplified Chinese")),
    ("ug", _("Uyghur")),
    ("uz", _("Uzbek")),
    ("uk", _("Ukrainian")),
    ("ps", _("Pashto")),
]
LANGUAGES_BIDI = ["ar", "prs", "ug", "fa", "he", "ur", "ps", "ckb"]
# Our catalogs first (they win); then the Django admin's own strings in Dari, which Django lacks
# (made from its Persian ones by `manage.py build_dari_admin_catalog`, see docs/translators-guide.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "django-admin"]
FORMAT_MODULE_PATH = ["config.formats"]  # date formats for the languages Django lacks them for
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Almaty"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Where a text is missing in a language, show it from the next language a reader of
# that language is most likely to read.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en",),
    "kk": ("ru", "en"),
    "uz": ("ru", "en"),
    "uk": ("ru", "en"),
    "ug": ("ru", "en"),
    "ps": ("prs", "en"),  # Afghans who read Pashto mostly read Dari too, the other official language
}
# modeltranslation's tabbed admin uses the admin's own jQuery, and loads jQuery UI from Google's CDN
# unless JQUERY_UI_URL (read without a prefix) names another file: we serve our copy, from static/vendor/.
JQUERY_UI_URL = "vendor/jquery-ui-1.14.2/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# Uploads (recordings of guidance sections): whitenoise cannot serve them, config/media_files.py does,
# with Range requests, or nginx's `location /media/` (config/nginx/help-site.conf). Several machines
# share one MEDIA_ROOT (a shared volume) or S3-compatible storage: docs/operations.md.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# Recordings are converted once, on upload, with Debian's ffmpeg; without it the admin refuses uploads
# and says why, and the rest of the site runs as before.
FFMPEG_BINARY = env("FFMPEG_BINARY", default="ffmpeg")
FFMPEG_TIMEOUT = env.int("FFMPEG_TIMEOUT", default=120)  # seconds for one conversion
RECORDING_MAX_UPLOAD_MB = env.int("RECORDING_MAX_UPLOAD_MB", default=50)

# The quick exit on every page leaves for an ordinary, unrelated site: a weather forecast.
QUICK_EXIT_URL = env("QUICK_EXIT_URL", default="https://www.gismeteo.kz/")

# Security. HTTPS=true on any real deployment turns on the settings that need TLS.
HTTPS = env.bool("HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe instances over plain HTTP
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# The reverse proxies whose X-Forwarded-For names the real client (config/client_address.py); the
# same variable tells gunicorn whose X-Forwarded-* headers to trust (config/gunicorn.py). Trusting
# every address would let any client write its own address: the site refuses to start with it.
TRUSTED_PROXIES = env.list("FORWARDED_ALLOW_IPS", default=["127.0.0.1", "::1"])
if {entry.strip() for entry in TRUSTED_PROXIES} & {"*", "0.0.0.0/0", "::/0"}:
    raise ImproperlyConfigured(
        "FORWARDED_ALLOW_IPS must name the reverse proxies in front of the site (e.g. 10.0.0.10), not every "
        "address: with '*' any client could write its own address into X-Forwarded-For and lock a colleague "
        "out of the admin or escape the limits. See docs/operations.md."
    )
# Believed only from TRUSTED_PROXIES (config.client_address.ForwardedByProxyOnlyMiddleware).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_PROXY", default=False) else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)  # a staff working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Content-Security-Policy: nothing from another origin, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Login throttling on the admin (django-axes): wrong passwords are counted per account and browser
# (config/known_browsers.py). A browser that has logged in to the account before carries a signed
# device cookie and has its own allowance; all other browsers, from any
# address, share one: guessing from many addresses is stopped after AXES_FAILURE_LIMIT wrong
# guesses, and the guesser does not lock the owner out of the browser they use every day.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_HANDLER = "config.known_browsers.KnownBrowserHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "user_agent"]]  # "user_agent" is the browser's name from its device cookie
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"
AXES_CLIENT_STR_CALLABLE = "config.client_address.describe_for_log"  # warnings name the account only
# Failed attempts are kept only until their cool-off ends; successful log-ins are not logged with
# their address and browser (the admin log says who changed what).
AXES_DISABLE_ACCESS_LOG = True
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The second factor (config/second_factor): how authenticator apps name the account.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Help site Kazakhstan (staff)")
KNOWN_BROWSER_COOKIE_AGE = env.int("KNOWN_BROWSER_COOKIE_AGE", default=60 * 60 * 24 * 365)  # seconds
# Axes' checks look for its own middleware (ours is a subclass: config.known_browsers.LogInMiddleware)
# and warn that a lock without the address can be escaped by changing the user agent or cookies: here
# the "user agent" is the name the browser's signed device cookie gives it, and every browser without
# a genuine one shares the account's single allowance (tests/test_admin_login_browsers.py).
SILENCED_SYSTEM_CHECKS = ["axes.W002", "axes.W006"]

# Spreadsheet import and export of the directory (django-import-export): only staff who may change
# (import) or view (export) the entries; every row is validated and saved like a form, in one transaction.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# E-mails to staff (config/staff): EMAIL_URL says how they are sent, e.g. smtp+tls://user:password@host:587;
# by default they are printed on the console (`make run`). SITE_URL is where the links in them lead.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="help-site@localhost")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "config.log_filters.WithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {"django.security.DisallowedHost": {"filters": ["without_traceback"]}},
}
