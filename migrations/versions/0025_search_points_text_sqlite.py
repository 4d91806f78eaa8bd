"""SQLite: each search point carries its service's search text (search_text), as on PostgreSQL.

Words near a city gathered every service in the directory whose text holds them from the
trigram index first ("shelter": 13,400 services at 100,000, 5.6 ms of SQL near Bangkok, and as
long near a small town, 5.1 ms near Phôngsali), or for a word under three letters, from every
service's text (158 ms). Each point now holds the text (266 characters on average; a search
with no words reads the wider rows in the same time: 4.4 ms near Bangkok), and a word in Latin
letters is tested in the row: "shelter" 1.9 ms near Bangkok, 0.5 near Phôngsali. Thai words
still go through the index (app/search/engine.py `_indexed`). Kept with the rest of the point
(app/search/points.py).

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-27 11:30:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_points ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    op.execute(
        "UPDATE search_points SET search_text = "
        "coalesce((SELECT s.search_text FROM services s WHERE s.rowid = search_points.service_key), '')"
    )


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_points DROP COLUMN search_text")
