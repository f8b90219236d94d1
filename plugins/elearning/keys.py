"""The Ed25519 key that signs certificates.

``RUTA_ELEARNING_SIGNING_KEY`` (environment variable, or ``Settings.extra``) holds a PEM
PKCS#8 Ed25519 private key, e.g. made with ``openssl genpkey -algorithm ed25519``.
When it is absent outside production (development, demo, tests) a key is *derived* from
``RUTA_SECRET_KEY`` (SHA-256 of a fixed label and the secret): stable across restarts and
identical in every worker, so certificates issued by one worker verify on another. In
production the variable is required: issuing or verifying without it is refused.
``RUTA_ELEARNING_ISSUER`` names the issuer (default ``https://ruta.example``).
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING

from engine.plugins.api import Runtime

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEY_VARIABLE = "RUTA_ELEARNING_SIGNING_KEY"
ISSUER_VARIABLE = "RUTA_ELEARNING_ISSUER"
DEFAULT_ISSUER = "https://ruta.example"
DERIVATION_LABEL = b"ruta-elearning-certificate-signing-key:"


class SigningKeyMissing(RuntimeError):
    pass


def _setting(runtime: Runtime, name: str) -> str | None:
    return runtime.settings.extra.get(name) or os.environ.get(name) or None


def signing_key(runtime: Runtime) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    pem = _setting(runtime, KEY_VARIABLE)
    if pem is not None:
        key = load_pem_private_key(pem.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningKeyMissing(f"{KEY_VARIABLE} is not an Ed25519 private key")
        return key
    if runtime.settings.is_production:
        raise SigningKeyMissing(f"{KEY_VARIABLE} must be set in production mode")
    seed = hashlib.sha256(DERIVATION_LABEL + runtime.settings.secret_key.encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def issuer(runtime: Runtime) -> str:
    return (_setting(runtime, ISSUER_VARIABLE) or DEFAULT_ISSUER).rstrip("/")


def key_id(runtime: Runtime) -> str:
    """A short fingerprint of the public key (the JWT ``kid``)."""
    public = signing_key(runtime).public_key().public_bytes_raw()
    return hashlib.sha256(public).hexdigest()[:16]
