"""Dashboard facts on each referral (month, place, answer times, reporting consent).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 01:33:18.525108

"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import app.sqltypes  # noqa: F401  (lets autogenerate render UTCDateTime)

# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FOREVER = datetime(9999, 12, 31, tzinfo=UTC)


def upgrade():
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reporting_until", app.sqltypes.UTCDateTime(timezone=True), nullable=True)
        )

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("month", sa.String(length=7), nullable=True))
        batch_op.add_column(
            sa.Column("country", sa.String(length=2), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("province", sa.String(length=10), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("answer_hours", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("completion_hours", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("reporting_until", app.sqltypes.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index("ix_referrals_month", ["month", "country", "province"], unique=False)
        batch_op.create_index("ix_referrals_province_month", ["province", "month"], unique=False)
    _backfill()


def _backfill():
    """Fill the new columns for referrals made before this release (row by row: few rows)."""
    bind = op.get_bind()
    when = app.sqltypes.UTCDateTime()
    cases = sa.table(
        "cases",
        sa.column("id"),
        sa.column("reporting_until", when),
        sa.column("identified_country"),
        sa.column("identified_province"),
    )
    consents = sa.table(
        "consents",
        sa.column("case_id"),
        sa.column("kind"),
        sa.column("expires_at", when),
        sa.column("withdrawn_at", when),
    )
    referrals = sa.table(
        "referrals",
        sa.column("id"),
        sa.column("case_id"),
        sa.column("sent_at", when),
        sa.column("answered_at", when),
        sa.column("finished_at", when),
        sa.column("status"),
        sa.column("month"),
        sa.column("country"),
        sa.column("province"),
        sa.column("answer_hours"),
        sa.column("completion_hours"),
        sa.column("reporting_until", when),
    )
    until = {}
    for row in bind.execute(
        sa.select(consents).where(consents.c.kind == "reporting", consents.c.withdrawn_at.is_(None))
    ):
        ends = row.expires_at or FOREVER
        until[row.case_id] = max(until.get(row.case_id, ends), ends)
    places = {}
    for row in bind.execute(sa.select(cases)):
        places[row.id] = (row.identified_country or "", row.identified_province or "")
        if row.id in until:
            bind.execute(
                cases.update().where(cases.c.id == row.id).values(reporting_until=until[row.id])
            )

    def hours(start, end):
        return int((end - start).total_seconds() // 3600) if end else None

    for row in bind.execute(sa.select(referrals).where(referrals.c.sent_at.is_not(None))).all():
        bind.execute(
            referrals.update()
            .where(referrals.c.id == row.id)
            .values(
                month=row.sent_at.strftime("%Y-%m"),
                country=places.get(row.case_id, ("", ""))[0],
                province=places.get(row.case_id, ("", ""))[1],
                answer_hours=hours(row.sent_at, row.answered_at),
                completion_hours=(
                    hours(row.sent_at, row.finished_at) if row.status == "completed" else None
                ),
                reporting_until=until.get(row.case_id),
            )
        )


def downgrade():
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of `referrals`
    # would trip the foreign keys that point at it.
    op.drop_index("ix_referrals_province_month", table_name="referrals")
    op.drop_index("ix_referrals_month", table_name="referrals")
    for column in (
        "reporting_until",
        "completion_hours",
        "answer_hours",
        "province",
        "country",
        "month",
    ):
        op.execute(f"ALTER TABLE referrals DROP COLUMN {column}")
    op.execute("ALTER TABLE cases DROP COLUMN reporting_until")
