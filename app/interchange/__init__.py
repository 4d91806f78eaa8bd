"""Directory interchange: HSDS 3.0 tabular data packages and the spreadsheet template."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the interchange commands and admin pages."""
