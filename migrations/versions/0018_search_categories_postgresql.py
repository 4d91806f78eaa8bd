"""PostgreSQL: a need's services in name order, with their status (search_categories).

A need ticked with no place counted its services by their links and sorted them by name: 43 ms
of SQL for 9,931 services at 100,000 on PostgreSQL 15. SQLite has had this copy since
migrations 0014 and 0016; PostgreSQL keeps it the same way, by code, name and id, so the count
is one range of it and a page its first twenty rows. A deleted service's rows go with it by
foreign key (SQLite, whose copy is keyed by rowid, has a trigger).

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-26 11:35:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute(
        "CREATE TABLE search_categories (category_code VARCHAR(64) NOT NULL, "
        "name VARCHAR(200) NOT NULL, "
        "service_id VARCHAR(36) NOT NULL REFERENCES services (id) ON DELETE CASCADE, "
        "service_key INTEGER, status VARCHAR(24) NOT NULL, "
        "PRIMARY KEY (category_code, name, service_id))"
    )
    # A listing's edit rewrites its rows by service id, and so does a deleted service's cascade.
    op.execute("CREATE INDEX ix_search_categories_service_id ON search_categories (service_id)")
    op.execute(
        "INSERT INTO search_categories (category_code, name, service_id, status) "
        "SELECT n.code, s.name, s.id, s.status FROM service_categories l "
        "JOIN need_categories n ON n.id = l.category_id JOIN services s ON s.id = l.service_id "
        "ON CONFLICT DO NOTHING"
    )


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP TABLE search_categories")
