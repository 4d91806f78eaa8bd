"""SQLite: a need's services in name order, with their status (search_categories).

A need ticked with no place (the most common public search: "I need a shelter") counted its
services by reading each one's narrow row for its status, then sorted them all by name for a
page: 12 ms of SQL for 10,000 services at 100,000. With the name, id and status beside each
need code, ordered (code, name, id), the count is one range of the table and a page is its
first twenty rows: 0.5 ms.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-26 10:30:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _create(columns: str, key: str) -> None:
    op.execute(f"CREATE TABLE search_categories ({columns}, PRIMARY KEY ({key})) WITHOUT ROWID")
    # A listing's edit rewrites its rows by service_key, and so does a deleted service's trigger.
    op.execute("CREATE INDEX ix_search_categories_service_key ON search_categories (service_key)")
    op.execute(
        "CREATE TRIGGER search_categories_delete AFTER DELETE ON services BEGIN "
        "DELETE FROM search_categories WHERE service_key = old.rowid; END"
    )


def _drop() -> None:
    op.execute("DROP TRIGGER search_categories_delete")
    op.execute("DROP TABLE search_categories")  # its index goes with it


LINKS = (
    "FROM service_categories l JOIN need_categories n ON n.id = l.category_id "
    "JOIN services s ON s.id = l.service_id"
)


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    _create(
        "category_code VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL, "
        "service_id VARCHAR(36) NOT NULL, service_key INTEGER NOT NULL, "
        "status VARCHAR(24) NOT NULL",
        "category_code, name, service_id",
    )
    op.execute(
        f"INSERT OR IGNORE INTO search_categories "  # noqa: S608 (no values)
        f"SELECT n.code, s.name, s.id, s.rowid, s.status {LINKS}"
    )


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    _create(
        "category_code VARCHAR(64) NOT NULL, service_key INTEGER NOT NULL",
        "category_code, service_key",
    )
    op.execute(f"INSERT OR IGNORE INTO search_categories SELECT n.code, s.rowid {LINKS}")  # noqa: S608 (no values)
