"""Flask extensions, created unbound and attached in the application factory."""

import time

from flask_babel import Babel
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from limits.storage import MemoryStorage
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
babel = Babel()
login_manager = LoginManager()
csrf = CSRFProtect()
htmx = HTMX()
limiter = Limiter(key_func=get_remote_address)


class SweptMemoryStorage(MemoryStorage):
    """The rate limits' counters in this process's memory (limits' MemoryStorage), with the
    expired ones swept by the requests that count, at most once every SWEEP_SECONDS.

    MemoryStorage sweeps them in a `threading.Timer` that it starts 10 ms ahead whenever the
    last one has run: for requests further apart than that, a new thread for each API request,
    and a sweep in the middle of a later one (0.3–0.5 ms of an API answer of 5 ms). A counter
    read after it expires is reset by the read itself (`get`), so sweeping only frees what
    nobody reads again. Configured as `RATELIMIT_STORAGE_URI=swept-memory://`.
    """

    STORAGE_SCHEME = ["swept-memory"]
    SWEEP_SECONDS = 10.0

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.next_sweep = time.monotonic() + self.SWEEP_SECONDS

    # MemoryStorage calls this (name-mangled) before every count it changes.
    def _MemoryStorage__schedule_expiry(self) -> None:
        now = time.monotonic()
        if now >= self.next_sweep:
            self.next_sweep = now + self.SWEEP_SECONDS
            self._MemoryStorage__expire_events()
