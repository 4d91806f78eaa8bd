"""Search names: each service's names in every language, normalised, for ranking.

A search without a place lists the services named for what was typed first. It compared the
terms with the original name alone, lower-cased: a Thai or Indonesian service whose English
name was "Emergency shelter" came after services that only mentioned shelter, and "nha tam
lanh" typed without diacritics never matched the name "Nhà tạm lánh".

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 08:50:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN: a batch rebuild of `services` would renumber the rowids that the
    # SQLite full-text index and the search points hold.
    op.add_column(
        "services", sa.Column("search_names", sa.Text(), nullable=False, server_default="")
    )
    _backfill()


def _backfill():
    """Fill search_names for services that exist already."""
    from app.search.text import build_search_names

    bind = op.get_bind()
    services = sa.table(
        "services", sa.column("id", sa.String), sa.column("name", sa.String),
        sa.column("search_names", sa.Text),
    )  # fmt: skip
    texts = sa.table("service_texts", sa.column("service_id", sa.String), sa.column("name"))
    text_names: dict[str, list[str]] = {}
    for service_id, name in bind.execute(sa.select(texts.c.service_id, texts.c.name)):
        text_names.setdefault(service_id, []).append(name)
    rows = [
        {"key": service_id, "names": build_search_names(name, text_names.get(service_id, []))}
        for service_id, name in bind.execute(sa.select(services.c.id, services.c.name))
    ]
    if rows:
        bind.execute(
            services.update()
            .where(services.c.id == sa.bindparam("key"))
            .values(search_names=sa.bindparam("names")),
            rows,
        )


def downgrade():
    # SQLite 3.35+ drops a column in place, keeping the triggers that keep the full-text index.
    op.drop_column("services", "search_names")
