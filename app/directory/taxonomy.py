"""The need taxonomy, cached in each process: it changes rarely and every page names it."""

import threading
import time
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db

TTL_SECONDS = 60


@dataclass(frozen=True)
class CategoryText:
    locale: str
    name: str
    description: str


@dataclass(frozen=True)
class Category:
    """A need category detached from any database session."""

    id: int
    code: str
    stages: tuple[str, ...]
    position: int
    active: bool
    texts: tuple[CategoryText, ...] = field(hash=False, compare=False)

    @property
    def stage_list(self) -> list[str]:
        return list(self.stages)

    @cached_property
    def _by_locale(self) -> dict[str, CategoryText]:
        return {t.locale: t for t in self.texts}

    def text(self, locale: str) -> CategoryText | None:
        return self._by_locale.get(locale) or self._by_locale.get("en")

    def name(self, locale: str) -> str:
        text = self.text(locale)
        return text.name if text else self.code


@dataclass
class _Loaded:
    at: float  # time.monotonic() when read
    categories: list[Category]
    # What pages ask of it again and again, worked out once per load: the active categories'
    # codes, and their (code, name) in each language asked for.
    active_codes: frozenset[str]
    named: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


_cache: dict[str, _Loaded] = {}
_lock = threading.Lock()


def _loaded() -> _Loaded:
    from app.directory.models import NeedCategory, split_codes

    key = str(db.engine.url)
    hit = _cache.get(key)
    if hit and time.monotonic() - hit.at < TTL_SECONDS:
        return hit
    rows = db.session.scalars(
        select(NeedCategory)
        .options(selectinload(NeedCategory.texts))
        .order_by(NeedCategory.position, NeedCategory.id)
    ).all()
    categories = [
        Category(
            row.id, row.code, tuple(split_codes(row.stages)), row.position, row.active,
            tuple(CategoryText(t.locale, t.name, t.description) for t in row.texts),
        )
        for row in rows
    ]  # fmt: skip
    active = frozenset(c.code for c in categories if c.active)
    loaded = _Loaded(time.monotonic(), categories, active)
    if categories:  # an empty taxonomy is not worth remembering: it is about to be loaded
        with _lock:
            _cache[key] = loaded
    return loaded


def all_categories() -> list[Category]:
    """Every category (active or not) in display order, from a cache of at most a minute."""
    return _loaded().categories


def active_codes() -> frozenset[str]:
    """The codes of the active categories."""
    return _loaded().active_codes


def named(locale: str) -> list[tuple[str, str]]:
    """(code, name in `locale`) of each active category, in display order."""
    loaded = _loaded()
    names = loaded.named.get(locale)
    if names is None:
        names = [(c.code, c.name(locale)) for c in loaded.categories if c.active]
        loaded.named[locale] = names
    return names


def forget() -> None:
    """Drop the cache (after the taxonomy changed in this process)."""
    _cache.clear()


def by_code() -> dict[str, Category]:
    return {c.code: c for c in all_categories()}


def by_id() -> dict[int, Category]:
    return {c.id: c for c in all_categories()}
