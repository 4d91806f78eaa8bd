"""A served process collects its garbage between requests, not in the middle of one."""

import gc

import pytest

from app.serving import LEFT_BEHIND, collect_between_requests


@pytest.fixture
def thresholds():
    """The collector's thresholds as `settle` sets them, put back afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(20_000, 10, 10)
    gc.collect()
    yield
    gc.set_threshold(*before)


def test_young_objects_are_collected_once_the_response_has_gone(app, thresholds):
    kept = []

    @app.route("/test-busy")
    def busy():
        kept.extend([] for _ in range(8_000))  # a request leaves long-lived objects behind
        return str(gc.get_count()[0])

    collect_between_requests(app)
    client = app.test_client()
    response = client.get("/test-busy")
    during = int(response.get_data(as_text=True))
    assert during >= 8_000  # nothing was collected while the request ran
    response.close()  # the server has sent it
    assert gc.get_count()[0] < LEFT_BEHIND < during
    assert client.get("/healthz").status_code == 200
