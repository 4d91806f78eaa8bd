"""SQLite: the services' names in a full-text index of their own (service_names_fts), and the
text index of the services the public can find.

Words typed with no place list first the services named for them, then the others, each by
name. "shelter" matches 13,800 of 100,000 services; ranking them all read every match's names
and sorted them: 14 ms of SQL. The services named for every word come first, so when they
fill the page it is read from this index alone (7,700 services named "shelter", in name
order), and counted from the full-text index.

The text index (service_fts) now holds only the services the public can find (active or
temporarily closed), as every search asks: the number of services matching words is counted
from it alone (a closed service's text is taken out when it closes, put back when it opens).

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-26 10:45:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

PUBLIC = "('active', 'temporarily_closed')"  # the statuses a search finds


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    # Trigram tokens, as service_fts: a word inside a Thai name, which has no spaces.
    op.execute(
        "CREATE VIRTUAL TABLE service_names_fts USING fts5(search_names, content='services', "
        "content_rowid='rowid', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER services_names_fts_insert AFTER INSERT ON services BEGIN "
        "INSERT INTO service_names_fts(rowid, search_names) VALUES (new.rowid, new.search_names); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER services_names_fts_delete AFTER DELETE ON services BEGIN "
        "INSERT INTO service_names_fts(service_names_fts, rowid, search_names) "
        "VALUES ('delete', old.rowid, old.search_names); END"
    )
    op.execute(
        "CREATE TRIGGER services_names_fts_update AFTER UPDATE OF search_names ON services BEGIN "
        "INSERT INTO service_names_fts(service_names_fts, rowid, search_names) "
        "VALUES ('delete', old.rowid, old.search_names); "
        "INSERT INTO service_names_fts(rowid, search_names) VALUES (new.rowid, new.search_names); "
        "END"
    )
    op.execute("INSERT INTO service_names_fts(service_names_fts) VALUES ('rebuild')")

    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER services_fts_{trigger}")
    # A closed service's text leaves the index; it must be taken out with the values it was
    # put in with, so only a service that was public is taken out.
    op.execute(
        f"CREATE TRIGGER services_fts_insert AFTER INSERT ON services WHEN new.status IN {PUBLIC} "  # noqa: S608 (constant statuses)
        "BEGIN INSERT INTO service_fts(rowid, search_text) VALUES (new.rowid, new.search_text); "
        "END"
    )
    op.execute(
        f"CREATE TRIGGER services_fts_delete AFTER DELETE ON services WHEN old.status IN {PUBLIC} "  # noqa: S608 (constant statuses)
        "BEGIN INSERT INTO service_fts(service_fts, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER services_fts_update AFTER UPDATE OF search_text, status ON services BEGIN "
        "INSERT INTO service_fts(service_fts, rowid, search_text) "
        f"SELECT 'delete', old.rowid, old.search_text WHERE old.status IN {PUBLIC}; "
        "INSERT INTO service_fts(rowid, search_text) "
        f"SELECT new.rowid, new.search_text WHERE new.status IN {PUBLIC}; END"
    )
    op.execute("INSERT INTO service_fts(service_fts) VALUES ('delete-all')")
    op.execute(
        "INSERT INTO service_fts(rowid, search_text) "  # noqa: S608 (no values)
        f"SELECT rowid, search_text FROM services WHERE status IN {PUBLIC}"
    )


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER services_names_fts_{trigger}")
    op.execute("DROP TABLE service_names_fts")
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER services_fts_{trigger}")
    op.execute(
        "CREATE TRIGGER services_fts_insert AFTER INSERT ON services BEGIN "
        "INSERT INTO service_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER services_fts_delete AFTER DELETE ON services BEGIN "
        "INSERT INTO service_fts(service_fts, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER services_fts_update AFTER UPDATE OF search_text ON services BEGIN "
        "INSERT INTO service_fts(service_fts, rowid, search_text) "
        "VALUES ('delete', old.rowid, old.search_text); "
        "INSERT INTO service_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"
    )
    op.execute("INSERT INTO service_fts(service_fts) VALUES ('rebuild')")
