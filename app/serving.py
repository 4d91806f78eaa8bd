"""Getting a process ready to answer requests without pauses."""

import gc

from flask import Flask
from werkzeug.wsgi import ClosingIterator


def settle() -> None:
    """Load now what the first requests would load lazily, then keep everything loaded so far
    out of the garbage collector's full passes (`gc.freeze`).

    A long-lived app holds well over 100,000 objects (SQLAlchemy, Babel, pycountry); a full
    collection walks them all, about 70 ms on a 2-core machine, in the middle of whichever request
    happened to trigger it. Call once per process, after the app is made (wsgi.py, benchmarks).
    """
    from app.i18n import province_name

    province_name("TH-10")  # pycountry reads its subdivisions on first use
    gc.collect()  # garbage frozen now would never be freed
    gc.freeze()
    # A request leaves little cyclic garbage but allocates many objects: collect the young
    # generation every 20,000 allocations rather than every 700, and so the older ones (whose
    # passes take milliseconds) ten times less often.
    gc.set_threshold(20_000, 10, 10)


LEFT_BEHIND = 500  # young objects a response may leave uncollected (a health check: ~30)


def collect_between_requests(app: Flask) -> None:
    """Collect the garbage after a response has gone out rather than in the middle of one, and
    a little after each response rather than much after some.

    With the thresholds of `settle`, the collector ran inside whichever request took the count
    of young objects past 20,000, while that request's own objects were all alive: about 8 ms,
    once every 70 requests or so, in a gunicorn worker at 100,000 services. Once the response is
    sent only its garbage and a few survivors are young. A search leaves ~300 objects of cyclic
    garbage (SQLAlchemy's statements and their columns): 0.07 ms to collect when fresh. Left for
    fifteen requests they took 1.3 ms at once, and a request arriving meanwhile waited for them
    (a search's p95 3.9 → 5.3 ms, its median unchanged, in the benchmark's back-to-back requests).
    """
    inner = app.wsgi_app

    def wsgi_app(environ, start_response):
        return ClosingIterator(inner(environ, start_response), tidy)

    app.wsgi_app = wsgi_app


def tidy() -> None:
    """Collect the young generation when a piece of work has left more than `LEFT_BEHIND` young
    objects, and the older generations when they are due, so that none falls due inside the
    next piece (a request; in the benchmark, also a timed search)."""
    _young, middle, old = gc.get_threshold()
    counts = gc.get_count()
    if counts[0] > LEFT_BEHIND:
        gc.collect(2 if counts[2] >= old - 1 else 1 if counts[1] >= middle - 1 else 0)
