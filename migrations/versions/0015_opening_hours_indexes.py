"""Opening hours by service and weekday; on PostgreSQL also by weekday and hours.

"Open now" near a place looks up each service's hours: by service alone PostgreSQL read every
schedule row of the service (21 ms near Bangkok); by service, weekday and hours it reads the one
that matters (14 ms). With no place, PostgreSQL reads the hours open now once, as one range by
weekday and hours (377 ms probing 100,000 services' hours; 57 ms). SQLite reads its own copy of
the hours (search_hours) and needs only the first.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26 09:40:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_service_schedules_service",
        "service_schedules",
        ["service_id", "weekday", "opens_at", "closes_at"],
    )
    op.drop_index("ix_service_schedules_service_id", table_name="service_schedules")
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(
            "ix_service_schedules_open",
            "service_schedules",
            ["weekday", "opens_at", "closes_at", "service_id"],
        )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_service_schedules_open", table_name="service_schedules")
    op.create_index("ix_service_schedules_service_id", "service_schedules", ["service_id"])
    op.drop_index("ix_service_schedules_service", table_name="service_schedules")
