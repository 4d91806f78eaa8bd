"""Search points: one narrow row per service at a located place (app/search/points.py); on
SQLite also the opening hours keyed by the service's rowid (search_hours).

A search near Bangkok found its 3,500 services by looking up each location's links and each
linked service by its key (about 18 ms at 100,000 services); the points are read as one range
of a narrow table instead. "Open now" looked up each service's hours by its text key (10 ms
for the same search; 2 ms by an integer key).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 06:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COPIED = ["status", "category_codes", "languages", "genders", "exploitation_forms", "min_age",
          "max_age", "self_referral", "open_24_7"]  # fmt: skip


def upgrade():
    op.create_table(
        "search_points",
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("link_id", sa.String(length=36), nullable=False),
        sa.Column("service_id", sa.String(length=36), nullable=False),
        sa.Column("service_key", sa.Integer(), nullable=True),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("z", sa.Float(), nullable=False),
        sa.Column("confidential", sa.Boolean(), nullable=False),
        sa.Column("province_code", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("category_codes", sa.String(length=500), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("genders", sa.String(length=64), nullable=False),
        sa.Column("exploitation_forms", sa.String(length=300), nullable=False),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("self_referral", sa.Boolean(), nullable=False),
        sa.Column("open_24_7", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["link_id"], ["service_at_locations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["service_id"], ["services.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("latitude", "longitude", "link_id"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_search_points_service_id", "search_points", ["service_id"])
    # Province first: a search near a place, which asks for `confidential = 0`, cannot use it.
    op.create_index(
        "ix_search_points_safe_houses", "search_points", ["province_code", "confidential"]
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    key = "s.rowid" if sqlite else "NULL"
    copied = ", ".join(f"s.{name}" for name in COPIED)
    op.execute(
        "INSERT INTO search_points (latitude, longitude, link_id, service_id, service_key, x, y, "  # noqa: S608 (names only)
        f"z, confidential, province_code, {', '.join(COPIED)}) "
        f"SELECT l.latitude, l.longitude, sal.id, s.id, {key}, "
        "cos(radians(l.latitude)) * cos(radians(l.longitude)), "
        "cos(radians(l.latitude)) * sin(radians(l.longitude)), sin(radians(l.latitude)), "
        f"l.confidential, l.province_code, {copied} "
        "FROM service_at_locations sal JOIN locations l ON l.id = sal.location_id "
        "JOIN services s ON s.id = sal.service_id "
        "WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL"
    )
    if sqlite:
        op.execute(
            "CREATE TABLE search_hours (service_key INTEGER NOT NULL, weekday INTEGER NOT NULL, "
            "opens_at TIME NOT NULL, closes_at TIME NOT NULL, "
            "PRIMARY KEY (service_key, weekday, opens_at, closes_at)) WITHOUT ROWID"
        )
        # A deleted service's rowid may be given to the next new service: its hours go with it.
        op.execute(
            "CREATE TRIGGER search_hours_delete AFTER DELETE ON services BEGIN "
            "DELETE FROM search_hours WHERE service_key = old.rowid; END"
        )
        op.execute(
            "INSERT OR IGNORE INTO search_hours SELECT s.rowid, h.weekday, h.opens_at, h.closes_at "
            "FROM service_schedules h JOIN services s ON s.id = h.service_id"
        )


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER search_hours_delete")
        op.execute("DROP TABLE search_hours")
    op.drop_index("ix_search_points_safe_houses", table_name="search_points")
    op.drop_index("ix_search_points_service_id", table_name="search_points")
    op.drop_table("search_points")
