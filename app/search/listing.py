"""What each search result shows, put into words once in Python before the page is written.

A template that works out a result's name, address, distance and needs calls a function or walks
an attribute chain for each, through Jinja's slower paths (`Context.call`, `Environment.getattr`):
twenty results took 0.25 ms to write that way, most of a results fragment. Prepared here, the
template only prints.
"""

from collections.abc import Callable, Iterable
from typing import NamedTuple

from app.search.loading import Hit


class Listing(NamedTuple):
    id: str  # the service's
    url: str  # the service's page
    name: str  # in the reader's language when the service has it
    organisation: str
    distance: str | None  # "12.5 km" in the reader's language; None when not to be said
    place: str  # "town, province", or the town alone
    open_24_7: bool
    temporarily_closed: bool
    self_referral: bool
    needs: list[str]  # names of the service's needs, in the taxonomy's order
    active: bool  # may be referred to


def describe(
    hits: Iterable[Hit],
    locale: str,
    service_url: Callable[[str], str],
    distance: Callable[[float], str],
    needs: list[tuple[str, str]],
) -> list[Listing]:
    """Put each hit into the words its result shows; `needs` is the taxonomy's (code, name)."""
    ranks = {code: rank for rank, (code, _name) in enumerate(needs)}
    listed = []
    for hit in hits:
        service = hit.service
        location = hit.location
        place = ""
        if location is not None:
            place = location.city or ""
            if location.province and location.province != location.city:
                place = f"{place}, {location.province}"
        codes = sorted(ranks[code] for code in service.category_code_list if code in ranks)
        status = service.status
        # Positional: a NamedTuple made with keywords takes twice as long.
        listed.append(Listing(
            service.id,
            service_url(service.id),
            service.localized(locale)[0],
            service.organisation.name,
            None if hit.distance_km is None else distance(hit.distance_km),
            place,
            bool(service.open_24_7),
            status == "temporarily_closed",
            bool(service.self_referral),
            [needs[rank][1] for rank in codes],
            status == "active",
        ))  # fmt: skip
    return listed
