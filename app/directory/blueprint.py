"""The directory blueprint, shared by its editor, public and freshness views."""

from flask import Blueprint

bp = Blueprint("directory", __name__)
