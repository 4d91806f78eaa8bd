"""Factories that make real rows through the app's own use cases."""

from sqlalchemy import select

from app.auth.models import User
from app.auth.services import create_user
from app.extensions import db
from app.orgs.models import Organisation
from app.orgs.services import create_organisation

PASSWORD = "correct horse battery"


def organisation(code: str, name: str = "An Organisation", country: str = "TH") -> Organisation:
    existing = db.session.scalar(select(Organisation).where(Organisation.code == code))
    if existing:
        return existing
    org = create_organisation(code, name, country)
    db.session.commit()
    return org


def user(email: str, org: Organisation, roles, password: str = PASSWORD) -> User:
    created = create_user(email, password, org, roles, name=email.split("@")[0])
    db.session.commit()
    return created
