"""SQLite: one narrow row per service (search_services) and its need categories by code
(search_categories), for a search without a place.

A search with no place checks every service against its filters and counts the matches: on
the services' long rows, a need ticked with no place took 60 ms at 100,000 services and "open
now" 190 ms. The same columns in a narrow table keyed by the service's rowid (which the
full-text index and search_hours use) are read several times faster; the services with a
need are one range of search_categories. PostgreSQL plans these searches on the services.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 09:00:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

COPIED = ["status", "category_codes", "languages", "genders", "exploitation_forms", "min_age",
          "max_age", "self_referral", "open_24_7"]  # fmt: skip


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE search_services (service_key INTEGER PRIMARY KEY, "
        "service_id VARCHAR(36) NOT NULL, name VARCHAR(200) NOT NULL, "
        "search_names TEXT NOT NULL, status VARCHAR(24) NOT NULL, "
        "category_codes VARCHAR(500) NOT NULL, languages VARCHAR(200) NOT NULL, "
        "genders VARCHAR(64) NOT NULL, exploitation_forms VARCHAR(300) NOT NULL, "
        "min_age INTEGER, max_age INTEGER, self_referral BOOLEAN NOT NULL, "
        "open_24_7 BOOLEAN NOT NULL)"
    )
    # Name order for a page of a search with no words, read without sorting every service.
    op.execute("CREATE INDEX ix_search_services_listing ON search_services (name, service_id)")
    # A deleted service's rowid may be given to the next new service: its row goes with it.
    op.execute(
        "CREATE TRIGGER search_services_delete AFTER DELETE ON services BEGIN "
        "DELETE FROM search_services WHERE service_key = old.rowid; END"
    )
    op.execute(
        f"INSERT INTO search_services SELECT rowid, id, name, search_names, {', '.join(COPIED)} "  # noqa: S608 (names only)
        "FROM services"
    )
    op.execute(
        "CREATE TABLE search_categories (category_code VARCHAR(64) NOT NULL, "
        "service_key INTEGER NOT NULL, PRIMARY KEY (category_code, service_key)) WITHOUT ROWID"
    )
    # A listing's edit rewrites its rows by service_key, and so does a deleted service's trigger.
    op.execute("CREATE INDEX ix_search_categories_service_key ON search_categories (service_key)")
    op.execute(
        "CREATE TRIGGER search_categories_delete AFTER DELETE ON services BEGIN "
        "DELETE FROM search_categories WHERE service_key = old.rowid; END"
    )
    op.execute(
        "INSERT OR IGNORE INTO search_categories SELECT n.code, s.rowid "
        "FROM service_categories l JOIN need_categories n ON n.id = l.category_id "
        "JOIN services s ON s.id = l.service_id"
    )


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER search_categories_delete")
    op.execute("DROP TABLE search_categories")
    op.execute("DROP TRIGGER search_services_delete")
    op.execute("DROP TABLE search_services")
