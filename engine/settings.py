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
``RUTA_SUPPORTED_COUNTRIES``          countries vendors and buyers may be in (default ES,PT)
``RUTA_DISABLED_PLUGINS``             comma-separated plugin names not to load
``RUTA_HOOK_TIMEOUT``                 seconds one lifecycle hook implementation may run
``RUTA_MEDIA_ROOT``                   directory holding digital goods' files (default ./media)
``RUTA_STRIPE_SECRET_KEY``            Stripe secret key (``sk_...``); the stripe gateway needs it
``RUTA_STRIPE_WEBHOOK_SECRET``        signing secret of the ``/webhooks/stripe`` endpoint
``RUTA_STRIPE_API_BASE``              another Stripe API address (tests: a local fake server)
``RUTA_PUBLIC_URL``                   where the site is served (Connect onboarding returns here)
``RUTA_DB_POOL_SIZE``                 PostgreSQL connections a worker keeps open (default 5)
``RUTA_DB_MAX_OVERFLOW``              extra connections a worker may open under load (default 5)
``RUTA_DB_POOL_TIMEOUT``              seconds a request waits for a free connection (default 10)
``RUTA_DB_POOL_RECYCLE``              seconds after which a pooled connection is replaced (1800)
``RUTA_OUTBOX_LEASE``                 seconds a claimed outbox delivery stays claimed unrenewed (10)
``RUTA_GC_GEN0_THRESHOLD``            gen-0 threshold of the garbage collector in workers (50000)
====================================  =====================================================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Literal

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
    supported_countries: tuple[str, ...] = ("ES", "PT")
    disabled_plugins: tuple[str, ...] = ()
    hook_timeout: float = 10.0
    hook_max_attempts: int = 8
    media_root: str = "media"
    stripe_secret_key: str | None = field(default=None, repr=False)
    stripe_webhook_secret: str | None = field(default=None, repr=False)
    stripe_api_base: str | None = None
    public_url: str = "http://127.0.0.1:8000"
    db_pool_size: int = 5
    db_max_overflow: int = 5
    db_pool_timeout: float = 10.0
    db_pool_recycle: int = 1800
    outbox_lease: float = 10.0
    gc_gen0_threshold: int = 50_000
    jwt_audience: str = "ruta"
    jwt_issuer: str = "ruta"
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_production(self) -> bool:
        return self.mode == "production"

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
        if not (Decimal(0) <= self.default_commission_rate < Decimal(1)):
            raise SettingsError("RUTA_DEFAULT_COMMISSION_RATE must be in [0, 1)")
        if self.access_token_ttl <= 0 or self.refresh_token_ttl <= 0:
            raise SettingsError("token lifetimes must be positive")
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


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer: {raw!r}") from exc


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
        supported_countries=tuple(
            c.upper() for c in _csv(env.get("RUTA_SUPPORTED_COUNTRIES"), ("ES", "PT"))
        ),
        disabled_plugins=_csv(env.get("RUTA_DISABLED_PLUGINS"), ()),
        hook_timeout=float(env.get("RUTA_HOOK_TIMEOUT", "10")),
        media_root=env.get("RUTA_MEDIA_ROOT", "media"),
        stripe_secret_key=env.get("RUTA_STRIPE_SECRET_KEY") or None,
        stripe_webhook_secret=env.get("RUTA_STRIPE_WEBHOOK_SECRET") or None,
        stripe_api_base=env.get("RUTA_STRIPE_API_BASE") or None,
        public_url=env.get("RUTA_PUBLIC_URL", "http://127.0.0.1:8000"),
        db_pool_size=_int(env, "RUTA_DB_POOL_SIZE", 5),
        db_max_overflow=_int(env, "RUTA_DB_MAX_OVERFLOW", 5),
        db_pool_timeout=float(env.get("RUTA_DB_POOL_TIMEOUT", "10")),
        db_pool_recycle=_int(env, "RUTA_DB_POOL_RECYCLE", 1800),
        outbox_lease=float(env.get("RUTA_OUTBOX_LEASE", "10")),
        gc_gen0_threshold=_int(env, "RUTA_GC_GEN0_THRESHOLD", 50_000),
    )
    return settings.validate()
