"""Notifications: a badge and a list in the app, and optionally an e-mail with no personal data."""

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select, update

from app.database import utcnow
from app.extensions import db
from app.referrals.models import Notification, Referral

log = logging.getLogger(__name__)


def _add(users, referral: Referral, kind: str) -> None:
    for user in users:
        db.session.add(Notification(user_id=user.id, referral_id=referral.id, kind=kind))
    _mail(users)


def tell_organisation(referral: Referral, kind: str, commit: bool = True) -> None:
    """Notify the receiving organisation's caseworkers."""
    from app.referrals.services import caseworkers_of

    _add(caseworkers_of(referral.to_organisation_id), referral, kind)
    if commit:
        db.session.commit()


def tell_sender(referral: Referral, kind: str) -> None:
    """Notify the caseworker who sent the referral (or their organisation's, if they left)."""
    from app.referrals.services import caseworkers_of

    sender = referral.sender
    users = [sender] if sender is not None and sender.active else []
    _add(users or caseworkers_of(referral.from_organisation_id), referral, kind)
    db.session.commit()


def unread_count(user) -> int:
    return db.session.scalar(
        select(func.count()).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def latest(user, limit: int = 50) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def mark_read(user) -> None:
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()


def _mail(users) -> None:
    """E-mail a plain nudge to sign in; never the case, the person or the referral's contents."""
    config = current_app.config
    if not config["MAIL_SERVER"] or not users:
        return
    if has_request_context() or config.get("SERVER_NAME"):
        link = url_for("referrals.notifications", _external=True)
    else:  # e.g. from a command: no host to name, so say where to look
        link = "/notifications"
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            for user in users:
                with force_locale(user.locale or "en"):
                    message = EmailMessage()
                    message["Subject"] = _("Pathways: a referral needs your attention")
                    message["From"] = config["MAIL_FROM"]
                    message["To"] = user.email
                    message.set_content(
                        _("There is news about a referral in Pathways. Sign in to see it:")
                        + f"\n\n{link}\n"
                    )
                smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        # The in-app notice is already there; a mail server being down must not lose the answer.
        log.warning("referral e-mail not sent: %s", exc.__class__.__name__)
