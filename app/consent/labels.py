"""What users read for each stored code of a consent."""

from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "services": _l("To receive services"),
    "referral": _l("To be referred"),
    "data_sharing": _l("To share data"),
    "reporting": _l("To be counted in reports"),
}
GIVER_LABELS = {
    "person": _l("The person"),
    "guardian": _l("A parent or guardian"),
    "other": _l("Someone else"),
}
BASIS_LABELS = {
    "consent": _l("Consent"),
    "vital_interest": _l("Vital interest"),
    "best_interests": _l("Best-interests determination"),
}
DATA_LABELS = {
    "identity": _l("Identity (name or alias)"),
    "contact": _l("Contact details"),
    "needs": _l("Needs"),
    "case_history": _l("Case history"),
    "health": _l("Health"),
    "other": _l("Other information"),
}
METHOD_LABELS = {
    "written": _l("Written"),
    "verbal": _l("Spoken"),
    "thumbprint": _l("Thumbprint"),
}
ASSENT_LABELS = {
    "given": _l("The child agreed"),
    "refused": _l("The child did not agree"),
    "not_able": _l("The child could not give a view"),
}
