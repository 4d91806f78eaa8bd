"""The home page: what Pathways is and where to go next."""

from flask import Blueprint, Flask

from app.rendering import render

bp = Blueprint("home", __name__)


@bp.route("/")
def index():
    return render("home/index.html")


@bp.route("/healthz")
def health():
    return {"status": "ok"}


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
