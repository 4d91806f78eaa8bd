"""SQLite: search_hours holds the spans open of the services the public can find that are not
open day and night, one span per stretch of a day; indexed by the moment they cover.

"Open now" with no place counted every open service by looking up each one's hours: 47 ms of
SQL at 100,000 services, 83,099 of them open on a weekday afternoon. Now the count is the
services open day and night (ix_search_services_open_24_7) plus the spans open at that moment,
one range of ix_search_hours_open; for that, a day's overlapping or touching hours are merged
into one span, and the rows of services the public cannot find or that are always open are
left out (a search near a place tests those by their own columns first). Kept with every
change by app/search/points.py.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-26 13:40:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

SPANS = (
    "INSERT OR IGNORE INTO search_hours "
    "SELECT service_key, weekday, min(opens_at), max(closes_at) FROM ("
    " SELECT *, sum(starts) OVER (PARTITION BY service_key, weekday ORDER BY opens_at, closes_at"
    "  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS span FROM ("
    "  SELECT s.rowid AS service_key, h.weekday, h.opens_at, h.closes_at,"
    "   CASE WHEN h.opens_at <= max(h.closes_at) OVER (PARTITION BY s.rowid, h.weekday"
    "    ORDER BY h.opens_at, h.closes_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
    "   THEN 0 ELSE 1 END AS starts"
    "  FROM service_schedules h JOIN services s ON s.id = h.service_id"
    "  WHERE h.closes_at > h.opens_at AND s.status IN ('active', 'temporarily_closed')"
    "   AND s.open_24_7 = 0))"
    " GROUP BY service_key, weekday, span"
)


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DELETE FROM search_hours")
    op.execute(SPANS)
    op.execute("CREATE INDEX ix_search_hours_open ON search_hours (weekday, closes_at, opens_at)")
    op.execute("CREATE INDEX ix_search_services_open_24_7 ON search_services (open_24_7, status)")


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP INDEX ix_search_services_open_24_7")
    op.execute("DROP INDEX ix_search_hours_open")
    op.execute("DELETE FROM search_hours")
    op.execute(
        "INSERT OR IGNORE INTO search_hours SELECT s.rowid, h.weekday, h.opens_at, h.closes_at "
        "FROM service_schedules h JOIN services s ON s.id = h.service_id"
    )
