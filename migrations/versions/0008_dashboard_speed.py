"""Covering indexes for the dashboard, and each referral's need ids on its own row.

A filtered view reads index entries only, never the tables, and counts referrals by need without
joining referral_categories row by row.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 02:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Every column the referral figures read, after the ones they are filtered by: the counts,
# the answer times and the overdue list come from the index alone.
FIGURES = ["urgency", "status", "answer_hours", "completion_hours", "sent_at",
           "to_organisation_id", "category_ids"]  # fmt: skip


def upgrade():
    op.add_column(
        "referrals",
        sa.Column("category_ids", sa.String(length=200), nullable=False, server_default=""),
    )
    if op.get_bind().dialect.name == "postgresql":
        ids = (
            "SELECT string_agg(category_id::text, ',' ORDER BY category_id) "
            "FROM referral_categories WHERE referral_id = referrals.id"
        )
    else:  # SQLite: group_concat keeps the order of the rows it is given
        ids = (
            "SELECT group_concat(category_id, ',') FROM (SELECT category_id "
            "FROM referral_categories WHERE referral_id = referrals.id ORDER BY category_id)"
        )
    fill = f"UPDATE referrals SET category_ids = coalesce(',' || ({ids}) || ',', '')"  # noqa: S608
    op.execute(fill)
    op.create_index(
        "ix_referrals_dashboard",
        "referrals",
        ["month", "reporting_until", "country", "province", *FIGURES],
    )
    op.create_index(
        "ix_referrals_dashboard_place",
        "referrals",
        ["province", "month", "reporting_until", "country", *FIGURES],
    )
    # Both are prefixes of the new ones (in their leading columns): no longer needed.
    op.drop_index("ix_referrals_month", table_name="referrals")
    op.drop_index("ix_referrals_province_month", table_name="referrals")
    op.create_index(
        "ix_cases_dashboard_place",
        "cases",
        ["identified_province", "identified_country", "reporting_until", "created_at", "stage"],
    )
    # From a province's cases to their moves and needs in the period, from the index alone.
    op.create_index(
        "ix_case_stage_changes_dashboard",
        "case_stage_changes",
        ["case_id", "at", "from_stage", "to_stage"],
    )
    op.create_index(
        "ix_case_needs_dashboard", "case_needs", ["case_id", "status", "updated_at", "category_id"]
    )


def downgrade():
    op.drop_index("ix_case_needs_dashboard", table_name="case_needs")
    op.drop_index("ix_case_stage_changes_dashboard", table_name="case_stage_changes")
    op.drop_index("ix_cases_dashboard_place", table_name="cases")
    op.create_index("ix_referrals_province_month", "referrals", ["province", "month"])
    op.create_index("ix_referrals_month", "referrals", ["month", "country", "province"])
    op.drop_index("ix_referrals_dashboard_place", table_name="referrals")
    op.drop_index("ix_referrals_dashboard", table_name="referrals")
    op.execute("ALTER TABLE referrals DROP COLUMN category_ids")
