"""PostgreSQL: each search point carries its service's search text (search_text).

Words near a city tested each of the 4,000 points near Bangkok against its service's text,
looked up by id (an index probe and a heap fetch, 3 µs a point: "shelter" near Bangkok
18 ms of SQL on PostgreSQL 15 at 100,000 services), or gathered every match in the whole
directory first. Each point now holds the text (266 characters on average), tested in the
row: 6 ms. Kept with the rest of the point (app/search/points.py); SQLite keeps its points
narrow and answers words from its full-text index (service_fts).

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-26 15:30:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("ALTER TABLE search_points ADD COLUMN search_text text NOT NULL DEFAULT ''")
    op.execute(
        "UPDATE search_points p SET search_text = s.search_text "
        "FROM services s WHERE s.id = p.service_id"
    )
    op.execute("ANALYZE search_points")


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("ALTER TABLE search_points DROP COLUMN search_text")
