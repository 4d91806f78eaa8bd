"""The directory in name order: an index for a search with no place and no words.

The search page as it opens lists every public service by name; so does a partner reading the
whole directory through the API. Both sorted all 97,000 services for each page (88 ms at
100,000 services); a page is now read off this index.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 08:40:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_services_listing", "services", ["name", "id", "status"], unique=False)


def downgrade():
    op.drop_index("ix_services_listing", table_name="services")
