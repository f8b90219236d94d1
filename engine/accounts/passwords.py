"""Password hashing with argon2id (argon2-cffi's defaults are argon2id).

Hashing and verifying cost tens of milliseconds of CPU each: the ``*_async`` functions run
them on a bounded thread pool (``RUTA_PASSWORD_HASH_THREADS`` threads; argon2-cffi releases
the GIL), never on the event loop. Extra requests queue for a free thread.
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor

from argon2 import Parameters, PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified when the e-mail is unknown, so that timing does not reveal which accounts exist.
_DUMMY_HASH = _hasher.hash("ruta-timing-equaliser")


def use_parameters(parameters: Parameters) -> None:
    """Hash and verify with ``parameters`` from now on, in this process. Only Ruta's pytest
    plugin calls it (cheap argon2id parameters, as Django's test settings use a fast
    hasher); a server always runs argon2-cffi's defaults."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher.from_parameters(parameters)
    _DUMMY_HASH = _hasher.hash("ruta-timing-equaliser")

MIN_LENGTH = 8
MAX_LENGTH = 256


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


@functools.cache
def _pool(threads: int) -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="ruta-argon2")


async def hash_password_async(password: str, *, threads: int) -> str:
    """:func:`hash_password` on the bounded hashing pool."""
    return await asyncio.get_running_loop().run_in_executor(_pool(threads), hash_password,
                                                            password)


async def verify_password_async(password_hash: str | None, password: str, *, threads: int
                                ) -> bool:
    """:func:`verify_password` on the bounded hashing pool."""
    return await asyncio.get_running_loop().run_in_executor(
        _pool(threads), verify_password, password_hash, password)
