"""A coordinator's scope: the countries they may see on the dashboard.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 02:05:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("scope_countries", sa.String(length=300), server_default="", nullable=False)
        )


def downgrade():
    # Plain DROP COLUMN: a batch copy of `users` would trip the foreign keys that point at it.
    op.execute("ALTER TABLE users DROP COLUMN scope_countries")
