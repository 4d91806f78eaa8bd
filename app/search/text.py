"""The searchable text of a service, kept up to date whenever a service or its texts change."""

from sqlalchemy import bindparam, event, select, text
from sqlalchemy.orm import Session

from app.directory.models import Service, ServiceCategory, ServiceText
from app.geo.places import normalise
from app.orgs.models import Organisation


def build_search_text(name: str, description: str, texts, organisation_name: str = "") -> str:
    """Join every language's name and description, normalised for matching."""
    parts = [name, description, organisation_name]
    for text_name, text_description in texts:
        parts += [text_name, text_description]
    return " | ".join(normalise(part) for part in parts if part)


def build_search_names(name: str, text_names) -> str:
    """Join every language's name of a service, normalised like its search text."""
    return " | ".join(normalise(part) for part in [name, *text_names] if part)


def _refresh(session: Session, service: Service) -> None:
    from app.directory.models import join_codes
    from app.directory.taxonomy import by_id

    codes = by_id()
    service.category_codes = join_codes(
        codes[link.category_id].code for link in service.category_links if link.category_id in codes
    )
    organisation = service.organisation or session.get(Organisation, service.organisation_id)
    service.search_text = build_search_text(
        service.name, service.description,
        [(t.name, t.description) for t in service.texts],
        organisation.name if organisation else "",
    )  # fmt: skip
    service.search_names = build_search_names(service.name, [t.name for t in service.texts])


@event.listens_for(Session, "before_flush")
def _keep_search_text(session: Session, _context, _instances) -> None:
    touched = set()
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Service):
            touched.add(obj)
        elif isinstance(obj, ServiceText | ServiceCategory) and obj.service_id:
            parent = session.get(Service, obj.service_id)
            if parent is not None:
                touched.add(parent)
    for obj in session.deleted:
        if isinstance(obj, ServiceText | ServiceCategory) and obj.service_id:
            parent = session.get(Service, obj.service_id)
            if parent is not None and parent not in session.deleted:
                touched.add(parent)
    for service in touched:
        _refresh(session, service)


def search_text_for_rows(bind):
    """Yield (service id, search text) for every service, reading plain tables (migrations)."""
    from sqlalchemy import column, table

    services = table("services", column("id"), column("name"), column("description"),
                     column("organisation_id"))  # fmt: skip
    texts = table("service_texts", column("service_id"), column("name"), column("description"))
    orgs = table("organisations", column("id"), column("name"))
    org_names = dict(bind.execute(select(orgs.c.id, orgs.c.name)).all())
    by_service: dict[str, list] = {}
    for service_id, name, description in bind.execute(
        select(texts.c.service_id, texts.c.name, texts.c.description)
    ):
        by_service.setdefault(service_id, []).append((name, description))
    for service_id, name, description, org_id in bind.execute(
        select(services.c.id, services.c.name, services.c.description, services.c.organisation_id)
    ):
        yield (
            service_id,
            build_search_text(
                name, description, by_service.get(service_id, []), org_names.get(org_id, "")
            ),
        )


def rebuild_text_indexes(connection) -> None:
    """SQLite: write the full-text indexes again: the names of every service, and the text of
    the services the public can find (migration 0017; the triggers on `services` keep both)."""
    from app.directory.services import PUBLIC_STATUSES

    connection.exec_driver_sql(
        "INSERT INTO service_names_fts(service_names_fts) VALUES ('rebuild')"
    )
    connection.exec_driver_sql("INSERT INTO service_fts(service_fts) VALUES ('delete-all')")
    connection.execute(
        text(
            "INSERT INTO service_fts(rowid, search_text) "
            "SELECT rowid, search_text FROM services WHERE status IN :public"
        ).bindparams(bindparam("public", PUBLIC_STATUSES, expanding=True))
    )
