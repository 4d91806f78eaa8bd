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


def collect_between_requests(app: Flask) -> None:
    """Collect the garbage after a response has gone out rather than in the middle of one.

    With the thresholds of `settle`, the collector ran inside whichever request took the count
    of young objects past 20,000, while that request's own objects were all alive: about 8 ms,
    once every 70 requests or so, in a gunicorn worker at 100,000 services. Once the response is
    sent only a few hundred young objects are left, so the same collection, run when the count
    passes a quarter of the threshold, takes about 0.2 ms, and no one waits for it.
    """
    inner = app.wsgi_app

    def tidy() -> None:
        young, middle, old = gc.get_threshold()
        counts = gc.get_count()
        if counts[0] > young // 4:
            # The older generations when they are due, so that none falls due inside a request.
            gc.collect(2 if counts[2] >= old - 1 else 1 if counts[1] >= middle - 1 else 0)

    def wsgi_app(environ, start_response):
        return ClosingIterator(inner(environ, start_response), tidy)

    app.wsgi_app = wsgi_app
