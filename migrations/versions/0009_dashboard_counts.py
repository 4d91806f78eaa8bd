"""Monthly counts for the dashboard, kept in step with the referrals and cases they count.

The whole network is read from a few thousand rows instead of every referral. On a database
that already holds referrals or cases the counts start empty with no instant: the first
dashboard view builds them from scratch (app.dashboard.facts.catch_up).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 04:00:00.000000

"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from app.sqltypes import UTCDateTime

# revision identifiers, used by Alembic.
revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _facts(name: str, keys: list[tuple], grouped: list[str]) -> None:
    """Counts by province, month, country and `keys`; the primary key is the table, a province
    first and then the columns its figure groups by."""
    order = ["province", *grouped, "month", "country"]
    order += [key for key, _ in keys if key not in order]
    op.create_table(
        name,
        sa.Column("province", sa.String(length=10), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        *(sa.Column(key, kind, nullable=False) for key, kind in keys),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*order),
        sqlite_with_rowid=False,
    )


def upgrade():
    urgency = ("urgency", sa.String(length=16))
    _facts("dashboard_referrals", [urgency, ("status", sa.String(length=16))], ["status"])
    _facts(
        "dashboard_referral_needs",
        [urgency, ("category_ids", sa.String(length=200))],
        ["category_ids"],
    )
    _facts(
        "dashboard_referrals_waiting",
        [urgency, ("to_organisation_id", sa.Integer())],
        ["to_organisation_id"],
    )
    _facts(
        "dashboard_referral_times",
        [urgency, ("measure", sa.String(length=10)), ("bucket", sa.Integer())],
        ["measure", "bucket"],
    )
    _facts("dashboard_case_stages", [("stage", sa.String(length=16))], ["stage"])
    _facts(
        "dashboard_stage_moves",
        [("from_stage", sa.String(length=16)), ("to_stage", sa.String(length=16))],
        ["from_stage", "to_stage"],
    )
    _facts(
        "dashboard_case_needs",
        [("category_id", sa.Integer()), ("status", sa.String(length=16))],
        ["country", "category_id", "status"],
    )
    state = op.create_table(
        "dashboard_facts_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("as_of", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    connection = op.get_bind()
    in_use = connection.execute(
        sa.text("SELECT EXISTS (SELECT 1 FROM referrals) OR EXISTS (SELECT 1 FROM cases)")
    ).scalar()
    # An empty database is counted already: nothing to count.
    op.bulk_insert(state, [{"id": 1, "as_of": None if in_use else datetime.now(UTC)}])

    op.create_index(
        "ix_referrals_waiting",
        "referrals",
        ["status", "sent_at", "month", "reporting_until", "country", "province", "urgency",
         "to_organisation_id"],
    )  # fmt: skip
    op.create_index("ix_referrals_reporting_until", "referrals", ["reporting_until"])
    op.create_index("ix_cases_reporting_until", "cases", ["reporting_until"])


def downgrade():
    op.drop_index("ix_cases_reporting_until", table_name="cases")
    op.drop_index("ix_referrals_reporting_until", table_name="referrals")
    op.drop_index("ix_referrals_waiting", table_name="referrals")
    for name in (
        "dashboard_facts_state",
        "dashboard_case_needs",
        "dashboard_stage_moves",
        "dashboard_case_stages",
        "dashboard_referral_times",
        "dashboard_referrals_waiting",
        "dashboard_referral_needs",
        "dashboard_referrals",
    ):
        op.drop_table(name)
