"""Use cases of accounts: signing in and out, sessions, creating users, roles, disabling."""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from app.audit import record_event
from app.auth.models import ROLES, LoginSession, User
from app.auth.passwords import MAX_LENGTH, hash_password, needs_rehash, verify_password
from app.database import utcnow
from app.extensions import db
from app.orgs.models import Organisation


class AccountError(ValueError):
    """A request about accounts that cannot be carried out; the message is for the user."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_email(email: str) -> str:
    """Return the form of an address used for lookups."""
    return (email or "").strip().lower()


def check_password_rules(password: str) -> None:
    """Raise AccountError when `password` is too short or too long."""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < minimum:
        raise AccountError(_l("Use at least %(n)d characters.", n=minimum))
    if len(password) > MAX_LENGTH:
        raise AccountError(_l("Use at most %(n)d characters.", n=MAX_LENGTH))


def authenticate(email: str, password: str) -> User | None:
    """Return the user when the details are right and the account may sign in.

    Unknown address, wrong password, disabled or locked account: all answer None,
    after the same amount of work, and each failure is audited.
    """
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    ok = verify_password(user.password_hash if user else None, password)
    now = utcnow()
    if user is None:
        record_event("auth:login:failed")
        db.session.commit()
        return None
    if user.locked_until and user.locked_until > now:
        record_event("auth:login:refused_locked", "user", user.id, organisation_id=None)
        db.session.commit()
        return None
    if not ok or not user.active:
        user.failed_logins += 1
        if user.failed_logins >= current_app.config["LOGIN_LOCK_AFTER"]:
            user.locked_until = now + timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
            user.failed_logins = 0
            record_event("auth:account:locked", "user", user.id, organisation_id=None)
        record_event("auth:login:failed", "user", user.id, organisation_id=None)
        db.session.commit()
        return None
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def start_session(user: User) -> LoginSession:
    """Open a new server-side session for `user` and audit the sign-in."""
    token = secrets.token_urlsafe(32)
    login_session = LoginSession(token_hash=_token_hash(token), user=user)
    login_session.token = token
    db.session.add(login_session)
    user.login_session = login_session
    record_event("auth:login:succeeded", "user", user.id, user=user)
    db.session.commit()
    return login_session


def load_session(token: str) -> User | None:
    """Return the user of a live session token, ending it when idle too long."""
    if not token:
        return None
    # The session, its user, organisation and roles in one statement: every signed-in request
    # starts here.
    login_session = (
        db.session.scalars(
            select(LoginSession)
            .where(LoginSession.token_hash == _token_hash(token))
            .options(joinedload(LoginSession.user).joinedload(User.role_rows))
        )
        .unique()
        .one_or_none()
    )
    if login_session is None or login_session.ended_at is not None:
        return None
    user = login_session.user
    now = utcnow()
    idle = timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])
    if now - login_session.last_seen_at > idle:
        login_session.ended_at = now
        login_session.ended_reason = "idle"
        db.session.commit()
        return None
    if not user.active:
        return None
    # Touch at most once a minute, so reading pages does not mean writing every time.
    if now - login_session.last_seen_at > timedelta(minutes=1):
        login_session.last_seen_at = now
        db.session.commit()
    login_session.token = token
    user.login_session = login_session
    return user


def end_session(user: User, reason: str = "logout") -> None:
    """End the session the user is signed in with, so its cookie is refused from now on."""
    if user.login_session is not None:
        user.login_session.ended_at = utcnow()
        user.login_session.ended_reason = reason
    record_event("auth:logout", "user", user.id, user=user)
    db.session.commit()


def end_all_sessions(user: User, reason: str) -> None:
    """End every open session of `user` (in the current transaction)."""
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow(), ended_reason=reason)
    )


def _check_roles(roles) -> list[str]:
    roles = sorted(set(roles))
    unknown = [role for role in roles if role not in ROLES]
    if unknown:
        raise AccountError(_l("Unknown role: %(role)s", role=", ".join(unknown)))
    return roles


def create_user(
    email: str, password: str, organisation: Organisation, roles, name: str = "", actor=None
) -> User:
    """Create an account with its roles and audit it; the caller commits."""
    email = normalise_email(email)
    if not email or "@" not in email or len(email) > 254:
        raise AccountError(_l("Enter a valid email address."))
    if db.session.scalar(select(func.count()).where(User.email == email)):
        raise AccountError(_l("An account with this email address already exists."))
    check_password_rules(password)
    user = User(
        email=email,
        name=name.strip(),
        password_hash=hash_password(password),
        organisation=organisation,
    )
    user.set_roles(_check_roles(roles))
    db.session.add(user)
    db.session.flush()
    record_event("admin:user:created", "user", user.id, user=actor)
    return user


def change_roles(user: User, roles, actor, scope=None) -> None:
    """Replace `user`'s roles (and a coordinator's scope of countries); audit the change."""
    roles = _check_roles(roles)
    if user.id == actor.id and "admin" not in roles:
        raise AccountError(_l("You cannot remove your own admin role."))
    if set(roles) != user.roles:
        user.set_roles(roles)
        record_event("admin:user:roles_changed", "user", user.id, user=actor)
    if scope is not None:
        stored = ",".join(sorted({c for c in scope if c}))
        stored = f",{stored}," if stored else ""
        if stored != (user.scope_countries or ""):
            user.scope_countries = stored
            record_event("admin:user:scope_changed", "user", user.id, user=actor)


def set_active(user: User, active: bool, actor) -> None:
    """Enable or disable `user`; disabling ends all their sessions at once."""
    if user.id == actor.id and not active:
        raise AccountError(_l("You cannot disable your own account."))
    if user.active == active:
        return
    user.active = active
    if active:
        user.failed_logins = 0
        user.locked_until = None
        record_event("admin:user:enabled", "user", user.id, user=actor)
    else:
        end_all_sessions(user, "disabled")
        record_event("admin:user:disabled", "user", user.id, user=actor)


def set_locale(user: User, locale: str) -> None:
    """Remember the interface language a user chose."""
    user.locale = locale
    db.session.commit()
