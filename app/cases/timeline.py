"""The case timeline: stage changes, consents and every referral step, in order."""

from dataclasses import dataclass
from datetime import datetime

from flask import url_for
from flask_babel import lazy_gettext as _l

from app.cases.labels import CLOSED_REASON_LABELS, STAGE_LABELS
from app.cases.models import Case
from app.consent.labels import GIVER_LABELS, KIND_LABELS
from app.referrals.labels import STATUS_LABELS


@dataclass
class Entry:
    at: datetime
    text: str
    note: str = ""
    who: str = ""
    link: str | None = None
    mark: str = ""  # "back", "override", "withdrawn": shown prominently


def _who(user) -> str:
    return (user.name or user.email) if user is not None else ""


def timeline(case: Case, consents, referrals) -> list[Entry]:
    """Everything that happened to the case, oldest first."""
    entries = []
    for change in case.stage_changes:
        if change.from_stage is None:
            text = _l("Case opened")
        else:
            text = _l(
                "Stage: %(from)s → %(to)s",
                **{"from": STAGE_LABELS[change.from_stage], "to": STAGE_LABELS[change.to_stage]},
            )
        if change.closed_reason:
            text = f"{text} ({CLOSED_REASON_LABELS[change.closed_reason]})"
        entries.append(
            Entry(
                change.at,
                str(text),
                change.note,
                _who(change.user),
                mark="back" if change.is_step_back else "",
            )
        )
    for consent in consents:
        entries.append(
            Entry(
                consent.given_at,
                str(
                    _l(
                        "Consent recorded: %(kind)s, given by %(giver)s",
                        kind=KIND_LABELS[consent.kind],
                        giver=GIVER_LABELS[consent.given_by],
                    )
                ),
                consent.note,
                _who(consent.explained_by),
            )
        )
        if consent.withdrawn_at:
            entries.append(
                Entry(
                    consent.withdrawn_at,
                    str(_l("Consent withdrawn: %(kind)s", kind=KIND_LABELS[consent.kind])),
                    consent.withdrawal_reason,
                    _who(consent.withdrawn_recorded_by),
                    mark="withdrawn",
                )
            )
    for referral in referrals:
        link = url_for("referrals.show_referral", code=referral.code)
        for row in referral.history:
            text = _l(
                "Referral to %(organisation)s: %(status)s",
                organisation=referral.to_organisation.name,
                status=STATUS_LABELS[row.to_status],
            )
            entries.append(Entry(row.at, str(text), row.note, _who(row.user), link))
            if row.to_status == "sent" and referral.overridden:
                entries.append(
                    Entry(
                        row.at,
                        str(_l("Consent overridden to send this referral")),
                        referral.override_reason,
                        _who(referral.override_by),
                        link,
                        mark="override",
                    )
                )
    return sorted(entries, key=lambda e: e.at)
