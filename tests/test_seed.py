"""Seed data: the taxonomy in five languages, the gazetteer, and the fictional demo network."""

from sqlalchemy import func, select

from app.directory.models import (
    Location,
    NeedCategory,
    Place,
    Service,
    ServiceCategory,
)
from app.directory.seed import load_demo_directory, load_gazetteer, load_taxonomy
from app.extensions import db
from app.orgs.models import Organisation


def count(statement):
    return db.session.scalar(select(func.count()).select_from(statement.subquery()))


def test_taxonomy_has_every_need_in_five_languages(app):
    assert load_taxonomy() == 24
    for category in db.session.scalars(select(NeedCategory)):
        assert {t.locale for t in category.texts} == {"en", "vi", "ms", "id", "th"}
        assert all(t.name and t.description for t in category.texts)
        assert category.stage_list
    assert load_taxonomy() == 0


def test_gazetteer_finds_places_in_local_scripts(app):
    assert load_gazetteer() > 10000
    chiang_mai = db.session.scalar(
        select(Place).where(Place.ascii_name == "chiang mai").order_by(Place.population.desc())
    )
    assert chiang_mai.province_code == "TH-50" and "เชียงใหม่" in chiang_mai.alt_names
    hanoi = db.session.scalars(select(Place).where(Place.country == "VN")).all()
    assert any("Hà Nội" in (p.alt_names + p.name) for p in hanoi)
    assert load_gazetteer() == 0


def test_demo_network_is_large_varied_and_loads_once(app):
    load_taxonomy()
    added = load_demo_directory()
    assert added >= 300
    assert count(select(Organisation.id).where(Organisation.id.in_(
        select(Service.organisation_id)))) >= 60  # fmt: skip
    assert count(select(Location.country).distinct()) >= 8
    used = db.session.scalars(select(ServiceCategory.category_id).distinct()).all()
    assert len(used) == 24
    assert count(select(Location.id).where(Location.confidential)) >= 5
    assert count(select(Service.id).where(Service.open_24_7, Service.hotline != "")) >= 5
    assert count(select(Service.id).where(Service.original_locale != "en")) >= 30
    for org in db.session.scalars(select(Organisation)):
        assert "(fictional)" in org.name, org.name
    assert load_demo_directory() == 0


def test_demo_tracker_shows_a_full_loop_and_loads_once(app):
    from app.cases.models import Case
    from app.demo import load_demo
    from app.demo.cases import load_demo_cases
    from app.referrals.models import Referral

    load_taxonomy()
    load_demo_directory()
    load_demo("demo-password-for-tests")
    assert load_demo_cases() == 4
    cases = db.session.scalars(select(Case)).all()
    assert len(cases) == 4 and all(c.fictional for c in cases)
    statuses = sorted(r.status for r in db.session.scalars(select(Referral)))
    assert statuses == ["completed", "sent", "sent", "withdrawn"]
    completed = db.session.scalar(select(Referral).where(Referral.status == "completed"))
    assert [h.to_status for h in completed.history] == ["draft", "sent", "accepted", "completed"]
    assert completed.history[1].at < completed.history[3].at
    assert any(c.is_child(c.created_at.date()) for c in cases)
    assert load_demo_cases() == 0
