"""Search points: one narrow row per service at a located place (app/search/points.py).

A search near Bangkok found its 3,500 services by looking up each location's links and each
linked service by its key (about 18 ms at 100,000 services); the points are read as one range
of a narrow table instead.

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
    key = "s.rowid" if op.get_bind().dialect.name == "sqlite" else "NULL"
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


def downgrade():
    op.drop_index("ix_search_points_service_id", table_name="search_points")
    op.drop_table("search_points")
