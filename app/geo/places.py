"""Place lookup against the offline gazetteer: tolerant of diacritics, spacing and typos."""

import difflib
import re
import threading
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from sqlalchemy import select

from app.directory.models import Place
from app.extensions import db

_SPACES = re.compile(r"[\s\-_'’.,()]+")
_STOP_WORDS = {"city", "province", "thanh pho", "tinh", "quan", "kota", "changwat", "amphoe"}


def normalise(text: str) -> str:
    """Lower-case, strip Latin diacritics (đ → d too) and punctuation: 'Hà Nội' → 'ha noi'.

    Marks on other scripts (Thai vowels and tones) are kept: they are part of the word.
    """
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    kept = []
    base = ""
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            if base and base < "\u0250":  # a mark on a Latin letter: drop it
                continue
        else:
            base = ch
        kept.append(ch)
    plain = unicodedata.normalize("NFC", "".join(kept))
    return _SPACES.sub(" ", plain.casefold()).strip()


def compact(text: str) -> str:
    """The normalised form without spaces, so 'Ha Noi' and 'Hanoi' meet."""
    return normalise(text).replace(" ", "")


@dataclass(frozen=True)
class PlaceMatch:
    id: int
    name: str
    country: str
    province_code: str | None
    latitude: float
    longitude: float
    population: int
    score: float


class PlaceIndex:
    """All gazetteer names of one database, held in memory for lookups in microseconds."""

    def __init__(self, rows):
        self.places: dict[int, tuple] = {}
        self.by_name: dict[str, set[int]] = {}
        for row in rows:
            self.places[row.id] = row
            names = {row.name, row.ascii_name, *row.alt_names.split("|")}
            for name in names:
                key = compact(name)
                if len(key) >= 2:
                    self.by_name.setdefault(key, set()).add(row.id)
        self.keys = sorted(self.by_name)

    def _match(self, place_id: int, score: float) -> PlaceMatch:
        row = self.places[place_id]
        return PlaceMatch(row.id, row.name, row.country, row.province_code, row.latitude,
                          row.longitude, row.population, score)  # fmt: skip

    def lookup(self, query: str, country: str | None = None, limit: int = 8) -> list[PlaceMatch]:
        """Return the likeliest places for `query`, best first (exact, then prefix, then typo)."""
        key = compact(query)
        if len(key) < 2:
            return []
        found: dict[int, float] = {}
        for place_id in self.by_name.get(key, ()):
            found[place_id] = 3.0
        if len(found) < limit:
            start = bisect_left(self.keys, key)
            for name in self.keys[start : start + 200]:
                if not name.startswith(key):
                    break
                for place_id in self.by_name[name]:
                    found.setdefault(place_id, 2.0)
        if not found and len(key) >= 4:
            pool = [k for k in self.keys[bisect_left(self.keys, key[:2]) :][:5000]
                    if k.startswith(key[:1])]  # fmt: skip
            for name in difflib.get_close_matches(key, pool, n=5, cutoff=0.8):
                for place_id in self.by_name[name]:
                    found.setdefault(place_id, 1.0)
        matches = [self._match(pid, score) for pid, score in found.items()]
        if country:
            matches = [m for m in matches if m.country == country]
        matches.sort(key=lambda m: (-m.score, -m.population, m.name))
        return matches[:limit]


_indexes: dict[str, PlaceIndex] = {}
_lock = threading.Lock()


def place_index() -> PlaceIndex:
    """Return the index of this app's gazetteer, built on first use."""
    url = str(db.engine.url)
    index = _indexes.get(url)
    if index is None:
        with _lock:
            rows = db.session.execute(
                select(Place.id, Place.name, Place.ascii_name, Place.alt_names, Place.country,
                       Place.province_code, Place.latitude, Place.longitude, Place.population)
            ).all()  # fmt: skip
            index = _indexes[url] = PlaceIndex(rows)
    return index


def forget_index() -> None:
    """Drop cached indexes (after the gazetteer changes)."""
    _indexes.clear()
