"""Encryption at rest of a person's name, contact and guardian (Fernet, key from the environment).

`PATHWAYS_DATA_KEY` holds one or more comma-separated Fernet keys: the first encrypts, all of
them decrypt, so a key can be rotated. In development a key is generated once into
`instance/data_key`. Losing the key loses those fields: nothing else can read them.
"""

import os

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app

from app.config import ConfigError

KEY_FILE = "data_key"


class DataKeyError(RuntimeError):
    """The stored protected fields cannot be read with the configured key."""


def data_key(instance_path, production: bool) -> str:
    """Return PATHWAYS_DATA_KEY, or in development one generated once into instance/."""
    key = os.environ.get("PATHWAYS_DATA_KEY")
    if key:
        return key
    if production:
        raise ConfigError(
            "PATHWAYS_DATA_KEY must be set when PATHWAYS_ENV=production: it encrypts names "
            'and contacts of persons assisted. Make one with: python -c "from '
            'cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
        )
    path = instance_path / KEY_FILE
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(Fernet.generate_key().decode())
    return path.read_text().strip()


def check_key(value: str) -> MultiFernet:
    """Return the cipher for `value`, or raise ConfigError naming what is wrong."""
    try:
        return MultiFernet([Fernet(part.strip()) for part in value.split(",") if part.strip()])
    except (ValueError, TypeError) as exc:
        raise ConfigError(
            "PATHWAYS_DATA_KEY is not a valid Fernet key (32 url-safe base64-encoded bytes)."
        ) from exc


def _cipher() -> MultiFernet:
    return current_app.extensions["pathways_cipher"]


def encrypt(text: str | None) -> str | None:
    """Encrypt `text`; empty text is stored as nothing at all."""
    text = (text or "").strip()
    return _cipher().encrypt(text.encode()).decode() if text else None


def decrypt(token: str | None) -> str:
    """Decrypt a stored field; raise DataKeyError when the key does not fit."""
    if not token:
        return ""
    try:
        return _cipher().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise DataKeyError(
            "The protected fields were encrypted with another PATHWAYS_DATA_KEY."
        ) from exc
