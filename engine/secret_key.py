"""The signing key when ``RUTA_SECRET_KEY`` is not set: random, generated once, kept.

Tokens, download links and derived keys are signed with ``settings.secret_key``. Production
refuses to start without a real one; in ``demo`` and ``development`` mode an unset key used
to fall back to a value published in this repository, so a demo server reachable from a
network accepted forged operator tokens. Now the first start generates 64 random bytes
(``secrets.token_urlsafe``) and keeps them in a file that only the owner may read (0600):

- SQLite: beside the database file (``ruta.db`` -> ``ruta.db.secret-key``), so the key
  lives and dies with the data it protects;
- PostgreSQL (and in-memory SQLite is the one exception below): ``.ruta-secret-key`` in the
  working directory. A table was the other choice; a file keeps the key out of database
  dumps, backups and anything that can read tables, needs no migration (the key is needed
  before the database is reached, e.g. by the CLI), and every ``--workers`` process of one
  ``ruta serve`` shares the directory. Several machines against one PostgreSQL database is
  a production setup, where ``RUTA_SECRET_KEY`` is required anyway.
- ``sqlite://`` in memory: a random key for this process only (the data dies with it too);
  the same, with a warning, when the file cannot be written (e.g. no such directory).

Creation is atomic (written to a temporary file, then hard-linked into place, which fails if
another worker got there first), so concurrent first starts agree on one key.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

from engine.settings import DEFAULT_SECRET_KEY, Settings, SettingsError

log = logging.getLogger(__name__)
WORKDIR_FILE = ".ruta-secret-key"
SUFFIX = ".secret-key"


def key_path(database_url: str, cwd: Path | None = None) -> Path | None:
    """Where the generated key of this database lives (None: keep it in memory only)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file::memory:"):
            return None
        return Path(database + SUFFIX)
    return (cwd or Path.cwd()) / WORKDIR_FILE


def _create(path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(64) + "\n")
        try:
            os.link(tmp, path)
            log.warning("generated a new secret key in %s (set RUTA_SECRET_KEY to choose one)",
                        path)
        except FileExistsError:
            pass  # another process created it first: use theirs
    finally:
        tmp.unlink(missing_ok=True)


def _read(path: Path) -> str:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("%s was readable by others (mode %o): set to 0600", path, mode)
        path.chmod(0o600)
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise SettingsError(f"{path} holds no usable secret key; delete it to generate one")
    return key


def load_or_create(path: Path | None) -> str:
    if path is None:
        return secrets.token_urlsafe(64)
    try:
        if not path.exists():
            _create(path)
        return _read(path)
    except OSError as exc:  # e.g. the database's directory does not exist (yet)
        log.warning("cannot keep a secret key in %s (%s): using one for this process only",
                    path, exc.strerror or exc)
        return secrets.token_urlsafe(64)


def with_secret_key(settings: Settings) -> Settings:
    """``settings`` with a kept random key if none was configured (production refuses that
    case in ``Settings.validate``, so this only ever applies to demo and development)."""
    if settings.secret_key != DEFAULT_SECRET_KEY or settings.is_production:
        return settings
    return settings.with_(secret_key=load_or_create(key_path(settings.database_url)))
