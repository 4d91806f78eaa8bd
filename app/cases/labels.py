"""What users read for each stored code of a case."""

from flask_babel import lazy_gettext as _l

STAGE_LABELS = {
    "identification": _l("Identification"),
    "protection": _l("Protection and support"),
    "reintegration": _l("Recovery and reintegration"),
    "closed": _l("Closed"),
}
CLOSED_REASON_LABELS = {
    "reintegrated": _l("Reintegrated"),
    "declined_assistance": _l("Declined further assistance"),
    "lost_contact": _l("Lost contact"),
    "transferred": _l("Transferred"),
    "deceased": _l("Deceased"),
    "other": _l("Other reason"),
}
IDENTIFICATION_LABELS = {
    "presumed": _l("Presumed victim"),
    "identified": _l("Identified victim"),
    "not_a_victim": _l("Not a victim of trafficking"),
}
SEX_LABELS = {
    "female": _l("Female"),
    "male": _l("Male"),
    "other": _l("Other"),
    "unknown": _l("Not known"),
}
NEED_STATUS_LABELS = {
    "open": _l("Open (not yet met)"),
    "referred": _l("Referred"),
    "met": _l("Met"),
    "unmet": _l("Could not be met"),
    "declined": _l("Declined by the person"),
}
