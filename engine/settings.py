"""One typed Settings object, read once from the environment.

Every knob the engine has is here, with its environment variable:

====================================  =====================================================
``RUTA_MODE``                         ``development`` (default), ``demo`` or ``production``
``RUTA_DATABASE_URL``                 SQLAlchemy async URL (default: ``ruta.db`` in the cwd)
``RUTA_SECRET_KEY``                   signs tokens; required (and not the default) in production
``RUTA_DEBUG``                        ``1`` shows exception details and enables GraphiQL
``RUTA_CORS_ORIGINS``                 comma-separated allowlist of browser origins
``RUTA_ACCESS_TOKEN_TTL``             seconds an access JWT lives (default 900)
``RUTA_REFRESH_TOKEN_TTL``            seconds a refresh token lives (default 30 days)
``RUTA_DEFAULT_COMMISSION_RATE``      platform commission for new vendors (default 0.10)
``RUTA_COMMISSION_BASE``              ``net`` (default: on the vendor order excluding VAT) or
                                      ``gross`` (including VAT)
``RUTA_SUPPORTED_COUNTRIES``          countries vendors and buyers may be in (default ES,PT)
``RUTA_DISABLED_PLUGINS``             comma-separated plugin names not to load
``RUTA_HOOK_TIMEOUT``                 seconds one lifecycle hook implementation may run
``RUTA_MEDIA_ROOT``                   directory holding digital goods' files (default ./media)
``RUTA_STRIPE_SECRET_KEY``            Stripe secret key (``sk_...``); the stripe gateway needs it
``RUTA_STRIPE_WEBHOOK_SECRET``        signing secret of the ``/webhooks/stripe`` endpoint
``RUTA_STRIPE_API_BASE``              another Stripe API address (tests: a local fake server)
``RUTA_STRIPE_PUBLISHABLE_KEY``       Stripe publishable key (``pk_...``): with the secret key,
                                      storefronts take cards with Stripe.js (``shop.cardPayments``)
``RUTA_STRIPE_JS_URL``                where browsers load Stripe.js (default
                                      ``https://js.stripe.com/v3/``; tests: localstripe's stand-in)
``RUTA_WEBHOOK_TIMEOUT``              seconds one outbound webhook request may take (default 10)
``RUTA_WEBHOOK_MAX_ATTEMPTS``         attempts before a webhook delivery is ``failed`` (8)
``RUTA_PUBLIC_URL``                   where the site is served: every absolute link is built from it
``RUTA_MAX_BODY_BYTES``               largest request body (GraphQL JSON and others; default 1 MiB)
``RUTA_MAX_UPLOAD_BYTES``             largest multipart body to ``/graphql`` (default 20 MiB)
``RUTA_MAX_WEBHOOK_BYTES``            largest body to ``/webhooks/*`` (default 512 KiB)
``RUTA_DB_STATEMENT_TIMEOUT``         seconds one SQL statement may run (PostgreSQL; default 30)
``RUTA_DB_LOCK_TIMEOUT``              seconds a statement may wait for a lock (default 5)
``RUTA_HEALTH_PROBE_TIMEOUT``         seconds ``/health``'s probe query may take (default 1)
``RUTA_ALLOW_INTROSPECTION``          ``1``/``0``: answer introspection (default: not in production)
``RUTA_MAX_QUERY_COST``               the highest query cost accepted (default 10000)
``RUTA_SMTP_URL``                     SMTP server (``smtps://``: TLS); unset: the built-in mailbox
``RUTA_MAIL_FROM``                    the From address of every e-mail
``RUTA_MAIL_REPLY_TO``                the Reply-To address (default: none)
``RUTA_MAIL_MAX_ATTEMPTS``            attempts before an e-mail is ``failed`` (default 8)
``RUTA_RESPONSE_CACHE``               ``1`` caches anonymous catalog reads (see engine.cache)
``RUTA_CACHE_MAX_AGE``                ``max-age`` of cacheable GET answers (default 0 seconds)
``RUTA_CACHE_MAX_ENTRIES``            responses one worker keeps (default 2000)
``RUTA_PERSISTED_QUERIES_MAX``        persisted documents one worker keeps (default 5000)
``RUTA_PASSWORD_HASH_THREADS``        threads hashing passwords off the event loop (default 2)
``RUTA_LOGIN_MAX_FAILURES``           failed sign-ins per account before a lockout (default 5)
``RUTA_LOGIN_MAX_FAILURES_PER_ADDRESS`` failed sign-ins per client address (default 50)
``RUTA_LOGIN_LOCKOUT``                first lockout in seconds, doubling after that (default 60)
``RUTA_SHOP_*``, ``RUTA_LANGUAGES``...  what the ``shop`` query says (``engine.shop.settings``)
``RUTA_STORAGE_BACKEND``, ``RUTA_S3_*``  where files live (``engine.storage.settings``)
``RUTA_DB_POOL_SIZE``                 PostgreSQL connections a worker keeps open (default 5)
``RUTA_DB_MAX_OVERFLOW``              extra connections a worker may open under load (default 5)
``RUTA_DB_POOL_TIMEOUT``              seconds a request waits for a free connection (default 10)
``RUTA_DB_POOL_RECYCLE``              seconds after which a pooled connection is replaced (1800)
``RUTA_OUTBOX_LEASE``                 seconds a claimed outbox delivery stays claimed unrenewed (10)
``RUTA_GC_GEN0_THRESHOLD``            gen-0 threshold of the garbage collector in workers (50000)
``RUTA_MALLOC_ARENA_MAX``             glibc malloc arenas of a worker, 0: glibc's default (1)
====================================  =====================================================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Literal

from engine.shop.settings import ShopSettings, ShopSettingsError, shop_settings_from_env
from engine.storage.settings import (
    StorageSettings,
    StorageSettingsError,
    storage_settings_from_env,
)

DEFAULT_SECRET_KEY = "ruta-insecure-development-secret-change-me"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///ruta.db"

Mode = Literal["development", "demo", "production"]


class SettingsError(ValueError):
    """The environment describes a configuration the engine refuses to run with."""


@dataclass(frozen=True)
class Settings:
    mode: Mode = "development"
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = field(default=DEFAULT_SECRET_KEY, repr=False)
    debug: bool = False
    cors_origins: tuple[str, ...] = ()
    access_token_ttl: int = 900
    refresh_token_ttl: int = 30 * 24 * 3600
    default_commission_rate: Decimal = Decimal("0.10")
    #: What the commission rate applies to: ``net`` (excluding VAT) or ``gross``.
    commission_base: str = "net"
    supported_countries: tuple[str, ...] = ("ES", "PT")
    disabled_plugins: tuple[str, ...] = ()
    hook_timeout: float = 10.0
    hook_max_attempts: int = 8
    media_root: str = "media"
    stripe_secret_key: str | None = field(default=None, repr=False)
    stripe_webhook_secret: str | None = field(default=None, repr=False)
    stripe_api_base: str | None = None
    stripe_publishable_key: str | None = None
    stripe_js_url: str = "https://js.stripe.com/v3/"
    public_url: str = "http://127.0.0.1:8000"
    webhook_timeout: float = 10.0
    webhook_max_attempts: int = 8
    allow_introspection: bool | None = None
    max_query_cost: int = 10_000
    response_cache: bool = False
    cache_max_age: int = 0
    cache_max_entries: int = 2000
    persisted_queries_max: int = 5000
    password_hash_threads: int = 2
    login_max_failures: int = 5
    login_max_failures_per_address: int = 50
    login_lockout: int = 60
    db_pool_size: int = 5
    db_max_overflow: int = 5
    db_pool_timeout: float = 10.0
    db_pool_recycle: int = 1800
    outbox_lease: float = 10.0
    gc_gen0_threshold: int = 50_000
    malloc_arena_max: int = 1
    jwt_audience: str = "ruta"
    jwt_issuer: str = "ruta"
    shop: ShopSettings = field(default_factory=ShopSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    extra: Mapping[str, str] = field(default_factory=dict)
    max_body_bytes: int = 1024 * 1024
    max_upload_bytes: int = 20 * 1024 * 1024
    max_webhook_bytes: int = 512 * 1024
    db_statement_timeout: float = 30.0
    db_lock_timeout: float = 5.0
    health_probe_timeout: float = 1.0
    smtp_url: str | None = field(default=None, repr=False)
    mail_from: str = "Ruta <no-reply@ruta.example>"
    mail_reply_to: str | None = None
    mail_max_attempts: int = 8

    @property
    def is_production(self) -> bool:
        return self.mode == "production"

    @property
    def introspection_allowed(self) -> bool:
        """``RUTA_ALLOW_INTROSPECTION`` when set, else everywhere but in production."""
        if self.allow_introspection is not None:
            return self.allow_introspection
        return not self.is_production

    @property
    def graphiql(self) -> bool:
        return not self.is_production

    def validate(self) -> Settings:
        """Refuse configurations that are unsafe; return self for chaining."""
        if self.mode not in ("development", "demo", "production"):
            raise SettingsError(f"RUTA_MODE must be development, demo or production: {self.mode!r}")
        if self.is_production:
            if self.secret_key == DEFAULT_SECRET_KEY or len(self.secret_key) < 32:
                raise SettingsError(
                    "RUTA_SECRET_KEY must be set to a random value of at least 32 characters "
                    "in production mode"
                )
            if self.debug:
                raise SettingsError("RUTA_DEBUG cannot be on in production mode")
        if self.commission_base not in ("net", "gross"):
            raise SettingsError("RUTA_COMMISSION_BASE must be net or gross")
        if not self.stripe_js_url.startswith("https://" if self.is_production else
                                             ("https://", "http://")):
            raise SettingsError("RUTA_STRIPE_JS_URL must be an https:// address")
        if not (Decimal(0) <= self.default_commission_rate < Decimal(1)):
            raise SettingsError("RUTA_DEFAULT_COMMISSION_RATE must be in [0, 1)")
        if self.max_query_cost <= 0:
            raise SettingsError("RUTA_MAX_QUERY_COST must be positive")
        if self.access_token_ttl <= 0 or self.refresh_token_ttl <= 0:
            raise SettingsError("token lifetimes must be positive")
        if min(self.max_body_bytes, self.max_upload_bytes, self.max_webhook_bytes) <= 0:
            raise SettingsError("RUTA_MAX_*_BYTES must be positive")
        if min(self.db_statement_timeout, self.db_lock_timeout, self.health_probe_timeout) <= 0:
            raise SettingsError("database and health probe timeouts must be positive")
        if self.cache_max_age < 0 or self.cache_max_entries < 1 or \
                self.persisted_queries_max < 1:
            raise SettingsError("RUTA_CACHE_MAX_AGE must be >= 0 and the cache sizes >= 1")
        if min(self.password_hash_threads, self.login_max_failures,
               self.login_max_failures_per_address, self.login_lockout) < 1:
            raise SettingsError("password threads and login throttle settings must be >= 1")
        if self.db_pool_size < 1 or self.db_max_overflow < 0 or self.db_pool_timeout <= 0:
            raise SettingsError("RUTA_DB_POOL_SIZE must be at least 1, RUTA_DB_MAX_OVERFLOW "
                                "at least 0 and RUTA_DB_POOL_TIMEOUT positive")
        if self.outbox_lease < 1:
            raise SettingsError("RUTA_OUTBOX_LEASE must be at least 1 second")
        return self

    @property
    def db_connections_per_worker(self) -> int:
        """The most PostgreSQL connections one worker process can hold."""
        return self.db_pool_size + self.db_max_overflow

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _csv(value: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    if value is None:
        return default
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def _optional_flag(value: str | None) -> bool | None:
    return None if value is None or not value.strip() else _flag(value)


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer: {raw!r}") from exc


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a number of seconds: {raw!r}") from exc


def _shop(env: Mapping[str, str]) -> ShopSettings:
    try:
        return shop_settings_from_env(env)
    except ShopSettingsError as exc:
        raise SettingsError(str(exc)) from exc


def _storage(env: Mapping[str, str]) -> StorageSettings:
    try:
        return storage_settings_from_env(env)
    except StorageSettingsError as exc:
        raise SettingsError(str(exc)) from exc


def settings_from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings from ``env`` (default ``os.environ``) and validate them."""
    env = os.environ if env is None else env
    try:
        commission = Decimal(env.get("RUTA_DEFAULT_COMMISSION_RATE", "0.10"))
    except InvalidOperation as exc:
        raise SettingsError("RUTA_DEFAULT_COMMISSION_RATE must be a decimal") from exc
    mode = env.get("RUTA_MODE", "development")
    settings = Settings(
        mode=mode,  # type: ignore[arg-type]
        database_url=env.get("RUTA_DATABASE_URL", DEFAULT_DATABASE_URL),
        secret_key=env.get("RUTA_SECRET_KEY", DEFAULT_SECRET_KEY),
        debug=_flag(env.get("RUTA_DEBUG")),
        cors_origins=_csv(env.get("RUTA_CORS_ORIGINS"), ()),
        access_token_ttl=_int(env, "RUTA_ACCESS_TOKEN_TTL", 900),
        refresh_token_ttl=_int(env, "RUTA_REFRESH_TOKEN_TTL", 30 * 24 * 3600),
        default_commission_rate=commission,
        commission_base=env.get("RUTA_COMMISSION_BASE", "net").strip().lower(),
        supported_countries=tuple(
            c.upper() for c in _csv(env.get("RUTA_SUPPORTED_COUNTRIES"), ("ES", "PT"))
        ),
        disabled_plugins=_csv(env.get("RUTA_DISABLED_PLUGINS"), ()),
        hook_timeout=float(env.get("RUTA_HOOK_TIMEOUT", "10")),
        media_root=env.get("RUTA_MEDIA_ROOT", "media"),
        stripe_secret_key=env.get("RUTA_STRIPE_SECRET_KEY") or None,
        stripe_webhook_secret=env.get("RUTA_STRIPE_WEBHOOK_SECRET") or None,
        stripe_api_base=env.get("RUTA_STRIPE_API_BASE") or None,
        stripe_publishable_key=env.get("RUTA_STRIPE_PUBLISHABLE_KEY") or None,
        stripe_js_url=env.get("RUTA_STRIPE_JS_URL") or "https://js.stripe.com/v3/",
        public_url=env.get("RUTA_PUBLIC_URL", "http://127.0.0.1:8000"),
        webhook_timeout=float(env.get("RUTA_WEBHOOK_TIMEOUT", "10")),
        webhook_max_attempts=_int(env, "RUTA_WEBHOOK_MAX_ATTEMPTS", 8),
        max_body_bytes=_int(env, "RUTA_MAX_BODY_BYTES", 1024 * 1024),
        max_upload_bytes=_int(env, "RUTA_MAX_UPLOAD_BYTES", 20 * 1024 * 1024),
        max_webhook_bytes=_int(env, "RUTA_MAX_WEBHOOK_BYTES", 512 * 1024),
        db_statement_timeout=_float(env, "RUTA_DB_STATEMENT_TIMEOUT", 30.0),
        db_lock_timeout=_float(env, "RUTA_DB_LOCK_TIMEOUT", 5.0),
        health_probe_timeout=_float(env, "RUTA_HEALTH_PROBE_TIMEOUT", 1.0),
        allow_introspection=_optional_flag(env.get("RUTA_ALLOW_INTROSPECTION")),
        max_query_cost=_int(env, "RUTA_MAX_QUERY_COST", 10_000),
        smtp_url=env.get("RUTA_SMTP_URL") or None,
        mail_from=env.get("RUTA_MAIL_FROM") or "Ruta <no-reply@ruta.example>",
        mail_reply_to=env.get("RUTA_MAIL_REPLY_TO") or None,
        mail_max_attempts=_int(env, "RUTA_MAIL_MAX_ATTEMPTS", 8),
        response_cache=_flag(env.get("RUTA_RESPONSE_CACHE")),
        cache_max_age=_int(env, "RUTA_CACHE_MAX_AGE", 0),
        cache_max_entries=_int(env, "RUTA_CACHE_MAX_ENTRIES", 2000),
        persisted_queries_max=_int(env, "RUTA_PERSISTED_QUERIES_MAX", 5000),
        password_hash_threads=_int(env, "RUTA_PASSWORD_HASH_THREADS", 2),
        login_max_failures=_int(env, "RUTA_LOGIN_MAX_FAILURES", 5),
        login_max_failures_per_address=_int(env, "RUTA_LOGIN_MAX_FAILURES_PER_ADDRESS", 50),
        login_lockout=_int(env, "RUTA_LOGIN_LOCKOUT", 60),
        shop=_shop(env),
        storage=_storage(env),
        db_pool_size=_int(env, "RUTA_DB_POOL_SIZE", 5),
        db_max_overflow=_int(env, "RUTA_DB_MAX_OVERFLOW", 5),
        db_pool_timeout=float(env.get("RUTA_DB_POOL_TIMEOUT", "10")),
        db_pool_recycle=_int(env, "RUTA_DB_POOL_RECYCLE", 1800),
        outbox_lease=float(env.get("RUTA_OUTBOX_LEASE", "10")),
        gc_gen0_threshold=_int(env, "RUTA_GC_GEN0_THRESHOLD", 50_000),
        malloc_arena_max=_int(env, "RUTA_MALLOC_ARENA_MAX", 1),
    )
    return settings.validate()
