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


def taxonomy():
    """Load the real need taxonomy from seed/ and return its categories by code."""
    from app.directory.models import NeedCategory
    from app.directory.seed import load_taxonomy

    load_taxonomy()
    return {c.code: c for c in db.session.scalars(select(NeedCategory))}


def location(org: Organisation, confidential: bool = False, **values):
    from app.directory.models import Location

    defaults = {
        "name": "Safe House" if confidential else "Drop-in Centre",
        "address_line": "77 Hidden Lane" if confidential else "12 Open Road",
        "city": "Chiang Mai",
        "province_code": "TH-50",
        "province": "Chiang Mai",
        "postal_code": "50200",
        "country": org.country,
        "latitude": 18.7934 if confidential else 18.7883,
        "longitude": 98.9917 if confidential else 98.9853,
    }
    loc = Location(organisation_id=org.id, confidential=confidential, **{**defaults, **values})
    db.session.add(loc)
    db.session.commit()
    return loc


def service(org: Organisation, categories, locations=(), **values):
    from app.database import utcnow
    from app.directory.models import Service, ServiceAtLocation, ServiceCategory

    defaults = {
        "name": "Emergency shelter for women",
        "description": "A safe place to stay for women who escaped trafficking.",
        "phone": "+66 53 555 0100",
        "last_verified_at": utcnow(),
    }
    svc = Service(organisation_id=org.id, **{**defaults, **values})
    svc.category_links = [ServiceCategory(category_id=c.id) for c in categories]
    svc.location_links = [ServiceAtLocation(location_id=loc.id) for loc in locations]
    db.session.add(svc)
    db.session.commit()
    return svc
