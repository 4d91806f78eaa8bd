"""The OpenAPI 3.1 document of the public API, with the same limits as the search itself."""

from app.directory.models import EXPLOITATION_FORMS, GENDERS
from app.interchange import hsds
from app.search.engine import MAX_PER_PAGE
from app.search.params import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, SEARCH_PARAMETERS

MAX_PAGE = 100000
MIN_RADIUS_KM = 0.1
MAX_AGE = 120

NULLABLE_STRING = {"type": ["string", "null"]}
STRING = {"type": "string"}
BOOLEAN = {"type": "boolean"}
INTEGER_OR_NULL = {"type": ["integer", "null"]}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict, optional: tuple[str, ...] = ()) -> dict:
    """A closed object: every property listed, all required except `optional`."""
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def _query(name: str, schema: dict, description: str, **extra) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema, **extra}  # fmt: skip


def _parameters(codes: list[str], locales: list[str]) -> dict:
    category_item = {"type": "string", "enum": codes} if codes else {"type": "string"}
    return {
        "locale": _query("locale", {"type": "string", "enum": locales},
                         "Language of names and descriptions; else Accept-Language, else en."),
        "accept_language": {"name": "Accept-Language", "in": "header", "required": False,
                            "description": "Used when no locale parameter is given.",
                            "schema": {"type": "string"}},
        "page": _query("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE,
                                "default": 1}, "Page number, from 1."),
        "per_page": _query("per_page", {"type": "integer", "minimum": 1,
                                        "maximum": MAX_PER_PAGE, "default": 20},
                           "Items per page."),
        "q": _query("q", STRING, "Free text, in any language, with or without diacritics; "
                    "the first 200 characters are used."),
        "lat": _query("lat", {"type": "number", "minimum": -90, "maximum": 90},
                      "Latitude of the point to search near; give lon too."),
        "lon": _query("lon", {"type": "number", "minimum": -180, "maximum": 180},
                      "Longitude of the point to search near; give lat too."),
        "radius_km": _query("radius_km", {"type": "number", "minimum": MIN_RADIUS_KM,
                                          "maximum": MAX_RADIUS_KM,
                                          "default": DEFAULT_RADIUS_KM},
                            "How far from the point, in km."),
        "place": _query("place", STRING, "A place name from the offline gazetteer to search "
                        "near (used when lat and lon are not given); an unknown name is a 400."),
        "place_id": _query("place_id", {"type": "integer", "minimum": 0},
                           "Gazetteer id choosing among places that share the name."),
        "category": _query("category", {"type": "array", "items": category_item},
                           "Need category code (see /taxonomy_terms); repeat for any of several.",
                           style="form", explode=True),
        "language": _query("language", {"type": "string", "pattern": "^[A-Za-z]{2,3}$"},
                           "ISO 639 code of a language the service is offered in."),
        "age": _query("age", {"type": "integer", "minimum": 0, "maximum": MAX_AGE},
                      "Age of the person, in years."),
        "gender": _query("gender", {"type": "string", "enum": list(GENDERS)},
                         "Gender of the person."),
        "exploitation": _query("exploitation", {"type": "string",
                                                "enum": list(EXPLOITATION_FORMS)},
                               "Form of exploitation the person experienced."),
        "open_now": _query("open_now", BOOLEAN, "Only services open at this moment."),
        "open_24_7": _query("open_24_7", BOOLEAN, "Only services open day and night."),
        "self_referral": _query("self_referral", BOOLEAN,
                                "Only services a person can go to without a referral."),
    }  # fmt: skip


def _schemas() -> dict:
    location = _object(
        {
            "id": STRING,
            "name": NULLABLE_STRING,
            "latitude": {"type": ["number", "null"]},
            "longitude": {"type": ["number", "null"]},
            "address": {"oneOf": [_ref("Address"), {"type": "null"}]},
            "confidential": BOOLEAN,
            "x_city": NULLABLE_STRING,
            "x_province": NULLABLE_STRING,
            "x_province_code": NULLABLE_STRING,
            "x_country": STRING,
            "distance_km": {"type": "number", "minimum": 0},
        },
        optional=("distance_km",),
    )
    location["description"] = (
        "A place a service is offered at. A confidential one (a safe house) has no name, "
        "point, address or distance, and is never in a search near a point."
    )
    service = _object(
        {
            "id": STRING,
            "organization_id": STRING,
            "name": STRING,
            "description": STRING,
            "url": NULLABLE_STRING,
            "email": NULLABLE_STRING,
            "status": {"type": "string", "enum": ["active", "temporarily closed"]},
            "interpretation_services": BOOLEAN,
            "application_process": NULLABLE_STRING,
            "fees_description": NULLABLE_STRING,
            "eligibility_description": NULLABLE_STRING,
            "minimum_age": INTEGER_OR_NULL,
            "maximum_age": INTEGER_OR_NULL,
            "alert": NULLABLE_STRING,
            "assured_date": {"type": ["string", "null"], "format": "date"},
            "last_modified": {"type": ["string", "null"], "format": "date-time"},
            "languages": {"type": "array", "items": _object({"code": STRING, "name": STRING})},
            "phones": {"type": "array", "items": _object({
                "number": STRING, "type": {"type": "string", "enum": ["voice"]},
                "description": {"type": ["string", "null"], "enum": [hsds.HOTLINE, None]}})},
            "schedules": {"type": "array", "items": _object({
                "freq": {"type": "string", "enum": ["WEEKLY"]},
                "byday": STRING,
                "opens_at": {"type": ["string", "null"], "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
                "closes_at": {"type": ["string", "null"], "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
                "description": NULLABLE_STRING})},
            "service_areas": {"type": "array", "items": _object({
                "name": STRING, "extent_type": {"type": "string", "enum": ["text"]},
                "x_country": STRING, "x_province_code": NULLABLE_STRING})},
            "attributes": {"type": "array", "items": _object({
                "taxonomy_term": _object({"id": STRING, "name": STRING})})},
            "x_self_referral": BOOLEAN,
            "x_free": BOOLEAN,
            "x_open_24_7": BOOLEAN,
            "x_hours_note": NULLABLE_STRING,
            "x_documents_required": NULLABLE_STRING,
            "x_accessibility": NULLABLE_STRING,
            "x_genders": {"type": "array", "items": {"type": "string", "enum": list(GENDERS)}},
            "x_exploitation_forms": {"type": "array",
                                     "items": {"type": "string",
                                               "enum": list(EXPLOITATION_FORMS)}},
            "x_beds_total": INTEGER_OR_NULL,
            "x_beds_available": INTEGER_OR_NULL,
            "x_capacity_updated_at": {"type": ["string", "null"], "format": "date-time"},
        }
    )  # fmt: skip
    detail = _object(
        {
            **service["properties"],
            "service_at_locations": {
                "type": "array",
                "items": _object({"id": STRING, "location": _ref("Location")}),
            },
        }
    )
    names = {"type": "object", "additionalProperties": STRING}
    schemas = {
        "Error": _object({"error": STRING, "message": STRING, "parameter": STRING},
                         optional=("parameter",)),
        "Address": _object({
            "address_1": NULLABLE_STRING, "city": NULLABLE_STRING,
            "state_province": NULLABLE_STRING, "postal_code": NULLABLE_STRING,
            "country": STRING, "address_type": {"type": "string", "enum": ["physical"]}}),
        "Location": location,
        "Service": service,
        "ServiceDetail": detail,
        "ServiceAtLocation": _object({
            "id": NULLABLE_STRING, "service": _ref("Service"),
            "location": {"oneOf": [_ref("Location"), {"type": "null"}]}}),
        "TaxonomyTerm": _object({
            "id": STRING, "code": STRING, "name": STRING, "description": STRING,
            "parent_id": {"type": "null"},
            "taxonomy": {"type": "string", "enum": [hsds.TAXONOMY_NAME]},
            "taxonomy_id": STRING,
            "x_stages": {"type": "array", "items": STRING},
            "x_names": names, "x_descriptions": names}),
        "Organization": _object({
            "id": STRING, "name": STRING, "description": NULLABLE_STRING,
            "email": NULLABLE_STRING, "website": NULLABLE_STRING, "x_code": STRING,
            "x_country": STRING, "x_type": STRING}),
    }  # fmt: skip
    for item in ("Service", "ServiceAtLocation", "TaxonomyTerm", "Organization"):
        schemas[f"{item}Page"] = _page(item)
    return schemas


def _page(item: str) -> dict:
    count = {"type": "integer", "minimum": 0}
    return _object(
        {
            "total_items": count,
            "total_pages": count,
            "page_number": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 1},
            "first_page": BOOLEAN,
            "last_page": BOOLEAN,
            "empty": BOOLEAN,
            "contents": {"type": "array", "items": _ref(item)},
        }
    )


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _operation(
    operation_id: str, summary: str, parameters: list[str], schema: str, not_found: bool = False
) -> dict:
    responses = {
        "200": _json(_ref(schema), "OK"),
        "400": _json(_ref("Error"), "A parameter is invalid; `parameter` names it."),
        "429": _json(_ref("Error"), "Too many requests from this address."),
    }
    if not_found:
        responses["404"] = _json(_ref("Error"), "No public service has this id.")
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [{"$ref": f"#/components/parameters/{name}"} for name in parameters],
            "responses": responses,
        }
    }  # fmt: skip


def document(codes: list[str], locales: list[str]) -> dict:
    """Return the OpenAPI document; `codes` are the active need categories."""
    common = ["locale", "accept_language"]
    paging = ["page", "per_page"]
    search = [*SEARCH_PARAMETERS, *paging, *common]
    saved_at = ("One entry per matching service: at its nearest public location when a point "
                "is given (with distance_km), otherwise at its first location.")  # fmt: skip
    service_path = _operation("show_service", "One public service", common, "ServiceDetail",
                              not_found=True)  # fmt: skip
    service_path["get"]["parameters"].insert(
        0, {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    )
    paths = {
        "/api/v1/services": _operation(
            "list_services", "Public services matching a search", search, "ServicePage"),
        "/api/v1/services/{id}": service_path,
        "/api/v1/service_at_locations": _operation(
            "list_service_at_locations", saved_at, search, "ServiceAtLocationPage"),
        "/api/v1/taxonomy_terms": _operation(
            "list_taxonomy_terms", "Need categories", [*paging, *common], "TaxonomyTermPage"),
        "/api/v1/organizations": _operation(
            "list_organizations", "Organisations with at least one public service",
            [*paging, *common], "OrganizationPage"),
        "/api/v1/openapi.json": {"get": {
            "operationId": "openapi_document", "summary": "This document",
            "parameters": [], "responses": {
                "200": _json({"type": "object"}, "OK"),
                "429": _json(_ref("Error"), "Too many requests from this address.")}}},
    }  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Pathways directory of services",
            "version": "1.0.0",
            "description": (
                "The public directory of services for people who have been trafficked, "
                "shaped as Open Referral HSDS 3.0. No sign-in. A confidential location (a safe "
                "house) is never placed, addressed or measured from a point."
            ),
        },
        "paths": paths,
        "components": {"parameters": _parameters(codes, locales), "schemas": _schemas()},
    }
