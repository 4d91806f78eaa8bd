"""The dashboard's monthly counts, kept in step with the referrals and cases they count.

Each row is how many referrals, cases, stage moves or needs share one month, one place and the
other keys of its table, among the cases whose reporting consent was valid at `as_of` (DESIGN
rule 5). A referral is counted twice: in its province's row and in its country's row, whose
province is `*`, so the whole network is read from a few thousand rows rather than a million.
No row holds anything about one person: only keys shared by many and a count.
"""

from sqlalchemy import Column, Integer, String, Table

from app.extensions import db
from app.sqltypes import UTCDateTime

WHOLE_COUNTRY = "*"


def _facts(name: str, *keys: Column) -> Table:
    return Table(
        name,
        db.metadata,
        Column("province", String(10), primary_key=True),
        Column("month", String(7), primary_key=True),
        Column("country", String(2), primary_key=True),
        *keys,
        Column("n", Integer, nullable=False),
        sqlite_with_rowid=False,  # the primary key is the table: a range of it is read alone
    )


referral_counts = _facts(
    "dashboard_referrals",
    Column("urgency", String(16), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("category_ids", String(200), primary_key=True),
)
referral_times = _facts(
    "dashboard_referral_times",
    Column("urgency", String(16), primary_key=True),
    Column("measure", String(10), primary_key=True),  # "answer" or "completion"
    Column("bucket", Integer, primary_key=True),  # whole hours under 48, whole days after
)
case_stages = _facts(
    "dashboard_case_stages",
    Column("stage", String(16), primary_key=True),
)
stage_moves = _facts(
    "dashboard_stage_moves",
    Column("from_stage", String(16), primary_key=True),
    Column("to_stage", String(16), primary_key=True),
)
case_needs = _facts(
    "dashboard_case_needs",
    Column("category_id", Integer, primary_key=True),
    Column("status", String(16), primary_key=True),
)
FACT_TABLES = (referral_counts, referral_times, case_stages, stage_moves, case_needs)

# One row: the instant the counts above were taken at, for reporting consent. None until the
# counts are first built from the referrals and cases (after an upgrade of a database in use).
facts_state = Table(
    "dashboard_facts_state",
    db.metadata,
    Column("id", Integer, primary_key=True),
    Column("as_of", UTCDateTime),
)
