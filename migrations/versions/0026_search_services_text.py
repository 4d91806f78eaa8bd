"""SQLite: each service's narrow row (search_services) carries its search text too.

A word of one or two letters is too short for the trigram index, and with no place every
service's text was read for it from the services' own long rows, once for each such word:
"ho tro" (as "hỗ trợ" is written without its marks, and as it is searched once normalised)
took 263 ms of SQL at 100,000 services. The search with no place already walks the narrow
rows; with the text in them, such words are tested there, all in one pass (36 ms). Kept with
the rest of the row (app/search/points.py).

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-27 11:00:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_services ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    op.execute(
        "UPDATE search_services SET search_text = coalesce("
        "(SELECT s.search_text FROM services s WHERE s.rowid = search_services.service_key), '')"
    )


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("ALTER TABLE search_services DROP COLUMN search_text")
