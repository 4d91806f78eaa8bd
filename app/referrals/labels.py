"""What users read for each stored code of a referral."""

from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "draft": _l("Draft"),
    "sent": _l("Sent"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "completed": _l("Completed"),
    "not_completed": _l("Not completed"),
    "cancelled": _l("Cancelled"),
    "withdrawn": _l("Withdrawn (consent withdrawn)"),
}
URGENCY_LABELS = {
    "emergency": _l("Emergency"),
    "high": _l("High"),
    "normal": _l("Normal"),
}
ACTION_LABELS = {
    "send": _l("Send"),
    "accept": _l("Accept"),
    "decline": _l("Decline"),
    "complete": _l("Report: completed"),
    "not_complete": _l("Report: not completed"),
    "cancel": _l("Cancel the referral"),
}
NOTE_LABELS = {
    "decline": _l("Why it is declined"),
    "complete": _l("Outcome"),
    "not_complete": _l("Why it was not completed"),
    "cancel": _l("Why it is cancelled"),
}
NOTICE_LABELS = {
    "referral_received": _l("New referral received"),
    "referral_accepted": _l("Your referral was accepted"),
    "referral_declined": _l("Your referral was declined"),
    "referral_completed": _l("Your referral was completed"),
    "referral_not_completed": _l("Your referral was not completed"),
    "referral_cancelled": _l("A referral to you was cancelled"),
    "referral_withdrawn": _l("A referral to you was withdrawn: consent withdrawn"),
}
