"""WSGI entry point: `gunicorn wsgi:app`, `flask --app wsgi ...`."""

from app import create_app
from app.serving import collect_between_requests, settle

app = create_app()
settle()
collect_between_requests(app)
