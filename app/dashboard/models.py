"""The dashboard's monthly counts, kept in step with the referrals and cases they count.

Each row is how many referrals, cases, stage moves or needs share one month, one place and the
other keys of its table, among the cases whose reporting consent was valid at `as_of` (DESIGN
rule 5). A referral is counted twice: in its province's row and in its country's row, whose
province is `*`, so the whole network is read from a few thousand rows rather than a million.
No row holds anything about one person: only keys shared by many and a count.
"""

from sqlalchemy import Column, Integer, PrimaryKeyConstraint, String, Table

from app.extensions import db
from app.sqltypes import UTCDateTime

WHOLE_COUNTRY = "*"


def _facts(name: str, keys: list[Column], grouped: list[str]) -> Table:
    """A table of counts by province, month, country and `keys`. Its primary key is the table
    (SQLite keeps it as a clustered index): a province first, then the columns a figure groups
    by, so a view reads one range in the order it groups in and never sorts."""
    columns = ["province", *grouped, "month", "country"]
    columns += [k.name for k in keys if k.name not in columns]
    return Table(
        name,
        db.metadata,
        Column("province", String(10), nullable=False),
        Column("month", String(7), nullable=False),
        Column("country", String(2), nullable=False),
        *keys,
        Column("n", Integer, nullable=False),
        PrimaryKeyConstraint(*columns),
        sqlite_with_rowid=False,
    )


def _key(name: str, kind) -> Column:
    return Column(name, kind, nullable=False)


referral_counts = _facts(
    "dashboard_referrals", [_key("urgency", String(16)), _key("status", String(16))], ["status"]
)
referral_needs = _facts(
    "dashboard_referral_needs",
    [_key("urgency", String(16)), _key("category_ids", String(200))],  # the set of needs
    ["category_ids"],
)
# Referrals waiting for an answer, by who should answer: overdue ones are these less the few
# sent too recently to be late, which are read from the referrals themselves.
referrals_waiting = _facts(
    "dashboard_referrals_waiting",
    [_key("urgency", String(16)), _key("to_organisation_id", Integer)],
    ["to_organisation_id"],
)
referral_times = _facts(
    "dashboard_referral_times",
    [
        _key("urgency", String(16)),
        _key("measure", String(10)),  # "answer" or "completion"
        _key("bucket", Integer),  # whole hours under 48, whole days after
    ],
    ["measure", "bucket"],
)
case_stages = _facts("dashboard_case_stages", [_key("stage", String(16))], ["stage"])
stage_moves = _facts(
    "dashboard_stage_moves",
    [_key("from_stage", String(16)), _key("to_stage", String(16))],
    ["from_stage", "to_stage"],
)
# Grouped by place as well: the needs are shown per need and province.
case_needs = _facts(
    "dashboard_case_needs",
    [_key("category_id", Integer), _key("status", String(16))],
    ["country", "category_id", "status"],
)
FACT_TABLES = (
    referral_counts,
    referral_needs,
    referrals_waiting,
    referral_times,
    case_stages,
    stage_moves,
    case_needs,
)

# One row: the instant the counts above were taken at, for reporting consent. None until the
# counts are first built from the referrals and cases (after an upgrade of a database in use).
facts_state = Table(
    "dashboard_facts_state",
    db.metadata,
    Column("id", Integer, primary_key=True),
    Column("as_of", UTCDateTime),
)
