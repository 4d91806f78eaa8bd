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


_cache: dict[str, tuple[float, list[Category]]] = {}
_lock = threading.Lock()


def all_categories() -> list[Category]:
    """Every category (active or not) in display order, from a cache of at most a minute."""
    from app.directory.models import NeedCategory, split_codes

    key = str(db.engine.url)
    hit = _cache.get(key)
    if hit and time.monotonic() - hit[0] < TTL_SECONDS:
        return hit[1]
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
    if categories:  # an empty taxonomy is not worth remembering: it is about to be loaded
        with _lock:
            _cache[key] = (time.monotonic(), categories)
    return categories


def forget() -> None:
    """Drop the cache (after the taxonomy changed in this process)."""
    _cache.clear()


def by_code() -> dict[str, Category]:
    return {c.code: c for c in all_categories()}


def by_id() -> dict[int, Category]:
    return {c.id: c for c in all_categories()}
