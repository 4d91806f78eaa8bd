"""Database plumbing: SQLite pragmas, UTC time, what migrations must leave alone, and one
value read on a connection of its own while a request reads the rest."""

import _sqlite3 as sqlite_module
import ctypes
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.sql import Select

from app.extensions import db

# Tables that migrations create by hand (full text, spatial) and autogenerate cannot see.
HAND_MADE_TABLES: set[str] = {
    "service_fts",
    "service_names_fts",
    "search_hours",
    "search_services",
    "search_categories",
}
HAND_MADE_INDEXES: set[str] = {
    "ix_services_search_text_trgm",
    "ix_service_schedules_open",
    "ix_services_open_24_7",  # PostgreSQL, partial (migration 0021)
}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as in search_points.open_mon …
# Columns of a modelled table that migrations add by hand: the points' search text (migrations
# 0022, 0025), and, one database each, their service's hours (PostgreSQL's as multiranges,
# 0019; SQLite's as each day's half-hours open, bits, 0024).
HAND_MADE_COLUMNS: set[tuple[str, str]] = {
    ("search_points", "week_hours"),
    ("search_points", "search_text"),
    *{("search_points", f"open_{day}") for day in WEEKDAYS},
}


# The threads that read a value meanwhile, one pool per process: a gunicorn worker forked from
# a process that had one makes its own (a forked pool's threads do not exist in the child).
_MEANWHILE: dict[int, ThreadPoolExecutor] = {}
_MEANWHILE_LOCK = threading.Lock()


def scalar_meanwhile(statement: Select) -> Future:
    """Start reading the one value `statement` answers on a connection of its own, in another
    thread, while this one reads something else; `.result()` waits for it.

    Both SQLite and psycopg leave Python's lock while the database works, so on two cores the
    two reads take the time of the longer: counting the 13,400 services that mention "shelter"
    (2.6 ms of SQLite's full-text index) while the page of those named for it is read took a
    search at 100,000 services from 11.6–11.9 ms to 7.4–7.8 (median), once SQLite's threads
    no longer shared a lock (let_sqlite_threads_run_together). The value is read in a
    transaction of its own: a change committed between the two reads may be in one and not
    the other, as it would be a moment later. Only for committed data: a session's unflushed
    or uncommitted changes are not seen.
    """
    engine = db.engine  # the app's, looked up here: the thread has no app context
    if engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:"):
        # An in-memory database lives in its one connection, which two threads must not use
        # at once: read it here, in turn.
        done: Future = Future()
        done.set_result(db.session.execute(statement).scalar_one())
        return done

    def read():
        with engine.connect() as connection:
            return connection.execute(statement).scalar_one()

    with _MEANWHILE_LOCK:
        pool = _MEANWHILE.get(os.getpid())
        if pool is None:
            pool = _MEANWHILE[os.getpid()] = ThreadPoolExecutor(
                max_workers=2, thread_name_prefix="pathways-meanwhile"
            )
    return pool.submit(read)


def utcnow() -> datetime:
    """Return the current time in UTC, timezone-aware."""
    return datetime.now(UTC)


def include_name(name, type_, parent_names) -> bool:
    """Tell Alembic's autogenerate to leave hand-made tables alone."""
    if type_ == "table":
        return name not in HAND_MADE_TABLES and not any(
            name.startswith(f"{table}_") for table in HAND_MADE_TABLES
        )
    if type_ == "index":
        return name not in HAND_MADE_INDEXES
    if type_ == "column":
        return (parent_names.get("table_name"), name) not in HAND_MADE_COLUMNS
    return True


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Read pages straight from the OS cache rather than copying each into SQLite's own (2 MB
    # by default): a search near a city reads thousands of rows; it took half the time. The
    # whole file, up to SQLite's own limit (2 GB): at 512 MB, the search tables written last
    # in a 555 MB file of 100,000 services were read page by page through the small cache
    # (a need and a language with no place: 6.3 ms of SQL, 4.4 with all of it mapped).
    cursor.execute("PRAGMA mmap_size=2147418112")
    # The full-text index's word lists are read through SQLite's own page cache, 2 MB by default:
    # a search for a common word ("shelter", 13,800 matches) read them again on every search,
    # 2 ms more a search. The cache fills only as pages are read.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


_SQLITE_CONFIG_MEMSTATUS = 9  # sqlite3.h
_sqlite_configured = False


def let_sqlite_threads_run_together() -> bool:
    """Stop SQLite counting the memory it uses, once per process and before any connection;
    whether it was done.

    Debian's SQLite keeps that count (SQLITE_DEFAULT_MEMSTATUS, which SQLite's own advice is
    to turn off) under one lock for the whole process, taken on every allocation, and, built
    without lookaside memory, it allocates for nearly every row it reads. Two threads reading
    at once (a search and its count, app.database.scalar_meanwhile; the threads of a threaded
    server) took turns on that lock and each went 2-3x slower than alone: counting "shelter"
    2.8 → 8.3 ms. With the count off they run side by side (2.6 ms).

    The setting is only taken while SQLite is shut down, which is allowed only when it holds
    no memory at all: no connection open. Then it is shut down, set and started again;
    otherwise, or where this Python's SQLite cannot be reached, it is left as it is.
    """
    global _sqlite_configured
    if _sqlite_configured:
        return False
    _sqlite_configured = True  # once: with the count off, "no memory held" can no longer be seen
    try:
        # The module's own SQLite, whether linked in or loaded beside it.
        sqlite = ctypes.CDLL(sqlite_module.__file__)
        memory_used, shutdown, config = (
            sqlite.sqlite3_memory_used,
            sqlite.sqlite3_shutdown,
            sqlite.sqlite3_config,
        )
    except (OSError, AttributeError):
        return False
    memory_used.restype = ctypes.c_int64
    if memory_used() != 0:
        return False
    shutdown()
    config.argtypes = [ctypes.c_int, ctypes.c_int]
    done = config(_SQLITE_CONFIG_MEMSTATUS, 0) == 0
    sqlite.sqlite3_initialize()
    return done


def init_app(app: Flask) -> None:
    """Configure each SQLite connection: WAL, foreign keys, a busy timeout, memory-mapped I/O."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    let_sqlite_threads_run_together()
    with app.app_context():
        engine: Engine = db.engine
        if not event.contains(engine, "connect", _sqlite_pragmas):
            event.listen(engine, "connect", _sqlite_pragmas)
