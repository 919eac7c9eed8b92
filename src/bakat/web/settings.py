"""Django settings of bakat, every value read from the environment (bakat.web.env).

``BAKAT_ENV=production`` turns on the deployment settings (``manage.py check --deploy``
is clean under them) and requires ``BAKAT_SECRET_KEY`` and ``BAKAT_ALLOWED_HOSTS``.
Without any variable the application runs locally on SQLite (WAL) in the data folder
with a generated secret key. docs/web.md lists every variable.
"""

from __future__ import annotations

from pathlib import Path

from bakat.web.env import (
    ConfigError,
    data_dir,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    local_secret_key,
)

PACKAGE_DIR = Path(__file__).resolve().parent
BAKAT_ENV = env_str("BAKAT_ENV", "development")
if BAKAT_ENV not in {"development", "production"}:
    raise ConfigError(f"BAKAT_ENV harus development atau production, bukan {BAKAT_ENV!r}")
PRODUCTION = BAKAT_ENV == "production"
DATA_DIR = data_dir()
#: Demo mode: the demo accounts (password ``bakat-demo``) exist only when this is set.
BAKAT_DEMO = env_bool("BAKAT_DEMO", False)
if PRODUCTION and BAKAT_DEMO:
    raise ConfigError("BAKAT_DEMO tidak boleh aktif di production / no demo mode in production")

DEBUG = env_bool("BAKAT_DEBUG", False)
if PRODUCTION and DEBUG:
    raise ConfigError("BAKAT_DEBUG tidak boleh aktif di production / no DEBUG in production")
SECRET_KEY = env_str("BAKAT_SECRET_KEY") if PRODUCTION else local_secret_key(DATA_DIR)
ALLOWED_HOSTS = (
    env_list("BAKAT_ALLOWED_HOSTS", ())
    if PRODUCTION
    else env_list("BAKAT_ALLOWED_HOSTS", ("127.0.0.1", "localhost", "testserver"))
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigError("BAKAT_ALLOWED_HOSTS wajib diisi di production / must be set")
CSRF_TRUSTED_ORIGINS = env_list("BAKAT_CSRF_TRUSTED_ORIGINS", ())

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "bakat.web.accounts",
    "bakat.web.audit",
    "bakat.web.personnel",
    "bakat.web.quality",
    "bakat.web.talent",
    "bakat.web.succession",
    "bakat.web.development",
    "bakat.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bakat.web.middleware.SecurityHeadersMiddleware",
    "bakat.web.middleware.NulCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bakat.web.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "bakat.web.urls"
WSGI_APPLICATION = "bakat.web.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bakat.web.accounts.context.peran",
            ],
        },
    }
]

DATABASES = {"default": database_from_url(env_str("DATABASE_URL", ""), DATA_DIR / "bakat.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# Django's model backend, with a session's user read together with their grants.
AUTHENTICATION_BACKENDS = ["bakat.web.accounts.backends.BakatBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

# Argon2id with the OWASP minimum (t=2, m=19 MiB, p=1); raise it, never lower it.
ARGON2_TIME_COST = env_int("BAKAT_ARGON2_TIME_COST", 2, minimum=2)
ARGON2_MEMORY_COST_KIB = env_int("BAKAT_ARGON2_MEMORY_KIB", 19 * 1024, minimum=19 * 1024)
ARGON2_PARALLELISM = env_int("BAKAT_ARGON2_PARALLELISM", 1, minimum=1)
PASSWORD_HASHERS = ["bakat.web.accounts.hashers.BakatArgon2Hasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
#: Login slowing per account and address: no wait for the first failures, then a wait
#: that doubles up to the cap (never a lockout).
LOGIN_FREE_FAILURES = env_int("BAKAT_LOGIN_FREE_FAILURES", 3, minimum=1)
LOGIN_MAX_DELAY_SECONDS = env_int("BAKAT_LOGIN_MAX_DELAY", 300, minimum=1)

SESSION_COOKIE_AGE = env_int("BAKAT_SESSION_SECONDS", 8 * 3600, minimum=60)
# Sessions live in the database and are read through the cache folder that every worker
# shares (CACHES below), so signing out ends a session for all workers at once.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("BAKAT_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("BAKAT_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("BAKAT_HSTS_PRELOAD", True)
    if not SECURE_HSTS_PRELOAD:  # a deliberate choice of the operator, not an oversight
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    if env_bool("BAKAT_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env_str("BAKAT_TIME_ZONE", "Asia/Jakarta")
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Production serves the collected files (``collectstatic``); elsewhere WhiteNoise serves
# them from the package through the finders, so no folder is needed.
STATIC_ROOT = env_str("BAKAT_STATIC_ROOT", str(DATA_DIR / "static")) if PRODUCTION else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production the files are served from the package without collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION

#: Content-addressed store of loaded source files (sha256 name), see personnel.services.
BAKAT_FILE_STORE = DATA_DIR / "berkas"
#: Largest file the upload page accepts (personnel.upload), in MiB.
BAKAT_UPLOAD_MAX_MB = env_int("BAKAT_UPLOAD_MAX_MB", 100, minimum=1)

# The cache of rendered aggregate pages (bakat.web.page_cache) and of worklist counts,
# keyed by scope and data version: files in the data folder, shared by every worker
# process of the machine (a page is computed once, not once per worker); entries also
# expire after BAKAT_PAGE_CACHE_SECONDS (0 turns the page cache off).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
        "OPTIONS": {"MAX_ENTRIES": env_int("BAKAT_CACHE_ENTRIES", 5000, minimum=10)},
    }
}
BAKAT_PAGE_CACHE_SECONDS = env_int("BAKAT_PAGE_CACHE_SECONDS", 600, minimum=0)
