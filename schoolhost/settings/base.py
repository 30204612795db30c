"""Settings shared by every environment.

Secrets and addresses come only from the environment (see README, "Configuration"); the defaults
here are for a developer's machine and are refused by `production`.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from tenants import dates

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-insecure-schoolhost-key")
DEBUG = False
# One 403 page for a failed CSRF check, in the look of the host (school or portal).
CSRF_FAILURE_VIEW = "schoolhost.views.csrf_failure"
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

# The tenancy line: the public schema holds authorities, schools, domains, rule sets and
# results; every school schema holds its own Wagtail site, users and sessions. Auth, sessions
# and content types are in both, so one school's account never logs into another school.
SHARED_APPS = [
    "django_tenants",
    "tenants",
    "compliance",
    "reports",
    "portal",
    "reminders",
    "opendata",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_celery_beat",
    # Login throttling; attempts are kept in the public schema only (tenants/login_throttle.py).
    "axes",
    # The project package itself, for its cross-app commands (setup_schedules).
    "schoolhost",
]
TENANT_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.sitemaps",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    # wagtail.users, with user forms that keep a principal to managing editors.
    "sitepages.users_app.SchoolUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "sitepages",
]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenants.School"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_URLCONF = "schoolhost.urls_public"
ROOT_URLCONF = "schoolhost.urls_tenant"
# Measured in STACK-NOTES: 12 → 8 queries per page; the schema is only set when it changes.
TENANT_LIMIT_SET_CALLS = True
# The template every school is cloned from (a real School row without a domain, so that
# `migrate_schemas` keeps it migrated). See tenants/services/template.py.
SCHOOL_TEMPLATE_SCHEMA = "school_template"
# Who builds a school's Wagtail site (home page, sections, roles) when tenants provisions one:
# tenants imports nothing above it, so it calls the class named here (tenants/site_builder.py).
SCHOOL_SITE_BUILDER = "sitepages.site_builder.SchoolSiteBuilder"
# f(school) -> SchoolCalendar for the school's own site (sitepages/calendar.py): the authority's
# calendar, with its Tết and other break weeks, the same one the compliance engine uses.
SCHOOL_CALENDAR_PROVIDER = "compliance.selectors.calendar_of_school"
# How many ready-made schemas to keep for instant provisioning (tenants/services/pool.py).
SCHOOL_SCHEMA_POOL_SIZE = int(os.environ.get("SCHOOL_SCHEMA_POOL_SIZE", "3"))
# Host names that serve the platform's own landing page (no authority) in the public schema.
PLATFORM_HOSTS = [
    h for h in os.environ.get("PLATFORM_HOSTS", "localhost,127.0.0.1").split(",") if h
]
GET_EXECUTOR_FUNCTION = "tenants.migration_executor.get_executor"
DATABASE_ROUTERS = ("django_tenants.routers.TenantSyncRouter",)

MIDDLEWARE = [
    # The security headers first, so that the tenant middleware's own answers (unknown host
    # 404, suspended school 503) carry them too.
    "django.middleware.security.SecurityMiddleware",
    "schoolhost.csp.SchoolhostCSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tenants.middleware.SchoolTenantMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After CSRF's check: request data and upload names in NFC before any view (tenants/nfc.py).
    "tenants.nfc.NfcInputMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tenants.middleware.SchoolRedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
WSGI_APPLICATION = "schoolhost.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        # Without DATABASE_URL, SCHOOLHOST_DB_NAME (what scripts/services.sh creates) names the
        # database: a checkout configured by name alone never falls back to another's database.
        os.environ.get(
            "DATABASE_URL",
            "postgres://postgres@127.0.0.1:5432/"
            + (os.environ.get("SCHOOLHOST_DB_NAME") or "schoolhost"),
        ),
        engine="django_tenants.postgresql_backend",
        # Persistent connections are the biggest single serving setting (STACK-NOTES: ×4).
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A PostgreSQL streaming replica for the portal's, reports' and open-data API's reads
# (tenants/replica.py; deploy/scaling.md). Unset: one database for everything.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        engine="django_tenants.postgresql_backend",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASE_ROUTERS = ("tenants.replica.ReplicaRouter", *DATABASE_ROUTERS)
    MIDDLEWARE.insert(1, "tenants.replica.ReplicaReadsMiddleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        # Wagtail caches site root paths and renditions under fixed keys: prefixing every key
        # with the school's schema keeps one school's cache from answering for another.
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "schoolhost"),
        # Redis down: every cache call answers "not cached" instead of raising (logged, below),
        # so parents read and editors publish from PostgreSQL; the timeouts (s) keep a dead
        # server from holding a request.
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 1.0,
        },
    }
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "schoolhost.cache"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Nobody types a password for someone else: new editors, principals and portal users get a
# set-password link by e-mail (Django's token: dies once the password is set). How long the
# link lives, in seconds (default 3 days); the same for "forgot password" links.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("INVITATION_LINK_SECONDS", str(3 * 24 * 3600)))

# Login throttling (django-axes) on school admins and the portal: 5 wrong passwords for one
# user name from one address lock that pair out for 15 minutes, the right password included.
# Why the public schema and these keys: tenants/login_throttle.py.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "tenants.login_throttle.throttle_username"
AXES_CLIENT_IP_CALLABLE = "tenants.login_throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "tenants.login_throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Proxies whose X-Real-IP header names the client (nginx in deploy/); nobody else's is believed.
TRUSTED_PROXY_IPS = [
    ip for ip in os.environ.get("TRUSTED_PROXY_IPS", "127.0.0.1,::1").split(",") if ip
]

# Response headers on every host (school sites, their admins, portals, the API), set by
# SecurityMiddleware, XFrameOptionsMiddleware and django-csp: no MIME sniffing, the referrer only
# within the site, no framing by other sites, and scripts only from our own origin (behind the
# Wagtail admin's login, inline scripts too: schoolhost/csp.py says why).
# Inline styles stay allowed: the templates use style attributes, and CSS cannot run code.
# HSTS is production's (settings/production.py). Wagtail embeds: YouTube and Facebook videos.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview frames the page inside its own admin
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://www.facebook.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Session and CSRF cookies are host-only (no Domain attribute: one school's cookie never goes to
# another school's host) and out of reach of scripts; production also marks them Secure.
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

# Vietnamese first: no locale middleware, so a browser in English does not switch the site;
# editors can choose English for the admin in their account settings.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Dates are read and typed dd/mm/yyyy [HH:MM] in Vietnamese and in English (never mm/dd), ISO
# still accepted: the format modules in schoolhost/formats/ apply to every form (the admin's
# date picker included); the settings below are the fallback outside any language.
FORMAT_MODULE_PATH = ["schoolhost.formats"]
DATE_INPUT_FORMATS = dates.DATE_INPUT_FORMATS
TIME_INPUT_FORMATS = dates.TIME_INPUT_FORMATS
DATETIME_INPUT_FORMATS = dates.DATETIME_INPUT_FORMATS

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
# Django serves /media/ itself only in the demo (deploy/ lets nginx serve it).
SERVE_MEDIA = False
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Every school's uploads live under MEDIA_ROOT/<schema>/.
MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"
STORAGES = {
    "default": {"BACKEND": "tenants.storage.SchoolFileStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "schoolhost"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAIL_I18N_ENABLED = False
# Vietnamese search: tone marks, đ/d, case, NFC/NFD and old/new tone placement ignored, the
# exact spelling and the phrase ranked first (sitepages/search_backend.py). The configuration
# is created in the public schema by tenants/migrations/0004.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "sitepages.search_backend",
        "SEARCH_CONFIG": "public.vietnamese_unaccent",
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "jpg", "jpeg", "png"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Alt text is required on every uploaded image (WCAG): Wagtail's own description field.
WAGTAILIMAGES_IMAGE_FORM_BASE = "sitepages.forms.SchoolImageForm"
# ASCII slugs from Vietnamese titles ("Thông báo" → "thong-bao"), like the section slugs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin in Vietnamese, English as the second language (locale/ fills Wagtail's gaps);
# one time zone for school staff, so every date in the admin is Vietnam's local time.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
# No avatars from gravatar.com: staff e-mail hashes stay home, and the CSP allows no such image.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "sitepages.forms.SchoolLoginForm"
# What the admin's date picker writes into a field (and the field shows); parsed back by the
# format modules' input formats above.
WAGTAIL_DATE_FORMAT = dates.DATE_FORMAT
WAGTAIL_DATETIME_FORMAT = dates.DATETIME_FORMAT
WAGTAIL_TIME_FORMAT = dates.TIME_FORMAT
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Celery (tenant-schemas-celery carries the sender's schema to the worker)
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
# Every broker key under a prefix: environments sharing a Redis database (the bench beside a
# demo) then never take each other's tasks.
_BROKER_KEY_PREFIX = (
    {"global_keyprefix": os.environ["CELERY_BROKER_KEY_PREFIX"]}
    if os.environ.get("CELERY_BROKER_KEY_PREFIX")
    else {}
)
CELERY_RESULT_BACKEND = None
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
# A broker that does not answer is given up on within about 2 s (sending a task is never
# worth holding a publish for): the caller logs it, and the nightly sweep catches up.
CELERY_BROKER_CONNECTION_TIMEOUT = 1.0
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker killed mid-task (issue 11): with late acks, the task of a worker process that dies is
# requeued at once (reject_on_worker_lost), and a message held by a worker that dies whole goes
# back to the queue after Redis's visibility timeout (kombu's default: 1 hour), which must
# exceed the longest task or a running task is handed out twice. No task may run longer than
# the hard limit (s): long jobs (bulk imports, pool fills) are split into tasks below it.
# Every task is idempotent, so running one again after a kill is safe.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Celery's Django fixup closes the database connection after every task unless this is set:
# each evaluation then paid a new connection and a new PostgreSQL backend, whose catalogue
# caches start cold (issue 15: 116 → 107 ms a task on one worker). With it, a worker's connection is
# closed after 2 × this many tasks instead (Celery counts the pre- and post-run closes), so a
# backend never caches more than ~100 schools' relations (deploy/scaling.md).
CELERY_DB_REUSE_MAX = int(os.environ.get("CELERY_DB_REUSE_MAX", "50"))
CELERY_TASK_SOFT_TIME_LIMIT = 540
CELERY_TASK_TIME_LIMIT = 600
# (with the key prefix above: assigning the options here once dropped it, and environments
# sharing a Redis database took each other's tasks)
CELERY_BROKER_TRANSPORT_OPTIONS = {**_BROKER_KEY_PREFIX, "visibility_timeout": 900}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Schools per task of a portal bulk import (portal/services/imports.py): far below the limit.
PORTAL_IMPORT_CHUNK_SIZE = int(os.environ.get("PORTAL_IMPORT_CHUNK_SIZE", "25"))

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "schoolhost <no-reply@localhost>")

# Where `delete_school` writes its pg_dump before dropping a schema.
SCHOOL_BACKUP_DIR = Path(os.environ.get("SCHOOL_BACKUP_DIR", BASE_DIR / "var" / "backups"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# How links to school and authority hosts are written (e-mails, CLI output).
SITE_URL_SCHEME = os.environ.get("SITE_URL_SCHEME", "http")
SITE_URL_PORT = os.environ.get("SITE_URL_PORT", "")

# Refresh parents' pages in the front cache (nginx, see deploy/) when a school publishes:
# sitepages.frontend_cache.RefreshBackend sends GET <path> with the page's own Host to each
# purge endpoint, which has nginx store Django's new answer in place of the old copy (a failed
# answer leaves the old copy, for parents to get stale while Django is down). Comma-separated
# purge endpoints, e.g. http://127.0.0.1:8080. FRONTEND_CACHE_MODE=purge sends Wagtail's PURGE
# instead (for a cache without the refresh relay of deploy/nginx/snippets/schoolhost-purge.conf).
FRONTEND_CACHE_PURGE_URLS = [
    url for url in os.environ.get("FRONTEND_CACHE_PURGE_URLS", "").split(",") if url
]
FRONTEND_CACHE_MODE = os.environ.get("FRONTEND_CACHE_MODE", "refresh")
# Refreshes run in the Celery worker (1); 0 runs them in the publishing process after the commit
# (a benchmark without a worker).
FRONTEND_CACHE_QUEUED = os.environ.get("FRONTEND_CACHE_QUEUED", "1") != "0"
if FRONTEND_CACHE_PURGE_URLS:
    WAGTAILFRONTENDCACHE = {
        f"nginx{number}": {
            "BACKEND": "sitepages.frontend_cache.RefreshBackend",
            "LOCATION": url,
            "MODE": FRONTEND_CACHE_MODE,
            "QUEUED": FRONTEND_CACHE_QUEUED,
        }
        for number, url in enumerate(FRONTEND_CACHE_PURGE_URLS, start=1)
    }
