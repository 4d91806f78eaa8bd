"""Getting a process ready to answer requests without pauses."""

import gc


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
