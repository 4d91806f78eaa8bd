"""Render a whole page, or one named block of it for an HTMX request."""

from flask import Flask, make_response, redirect, render_template, request
from jinja2_fragments.flask import render_block

from app.extensions import htmx


def wants_fragment() -> bool:
    """Return True for an HTMX request that is not a history restore."""
    return bool(htmx) and not htmx.history_restore_request


def render(template: str, block: str | None = None, **context):
    """Return the page, or only `block` when HTMX asks for a fragment."""
    if block and wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body)
    if block or request.headers.get("HX-Request"):
        response.vary.add("HX-Request")
        response.vary.add("HX-Target")
    return response


def redirect_to(location: str):
    """Redirect the browser; for HTMX, ask it to load the page instead of swapping it in."""
    if htmx:
        response = make_response("", 204)
        response.headers["HX-Redirect"] = location
        return response
    return redirect(location)


URLS_KEPT = 256


def init_app(app: Flask) -> None:
    """Give templates a `url_for` that remembers the URLs that take no values but a file name.

    A page's frame names ten of them (its style sheet and scripts, the menu, the language form),
    each 4 µs to build again for every page. The same for every request under one prefix: they
    are kept by prefix (`request.script_root`). URLs with values, relative endpoints and apps
    with URL defaults are built each time, as Flask builds them.
    """
    build = app.url_for
    made: dict[tuple[str, str, str | None], str] = {}

    def url_for(endpoint: str, **values) -> str:
        built_each_time = (
            (values and values.keys() != {"filename"})
            or endpoint.startswith(".")
            or any(app.url_default_functions.values())
        )
        if built_each_time:
            return build(endpoint, **values)
        key = (request.script_root, endpoint, values.get("filename"))
        url = made.get(key)
        if url is None:
            if len(made) >= URLS_KEPT:
                made.clear()
            url = made[key] = build(endpoint, **values)
        return url

    app.jinja_env.globals["url_for"] = url_for
