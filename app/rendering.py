"""Render a whole page, or one named block of it for an HTMX request."""

from flask import make_response, redirect, render_template, request
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
