"""Small numbers: "<5" below the threshold, and no way back to them through a total."""

import itertools

import pytest

from app.dashboard.privacy import protect_count, protect_row
from tests import tracker
from tests.conftest import Browser

K = 5


def _texts(values):
    cells, total = protect_row(values, K)
    return [c.text(K) for c in cells], total.text(K)


@pytest.mark.parametrize(
    ("values", "cells", "total"),
    [
        ([12, 7, 0], ["12", "7", "0"], "19"),
        ([12, 3, 0], ["×", "<5", "0"], "15"),  # 15 - 12 would give 3 away: 12 is hidden too
        ([12, 3, 9], ["12", "<5", "×"], "24"),  # the smallest other count is the guard
        ([3, 4, 20], ["<5", "<5", "20"], "27"),  # two hidden: 7 between them, not each
        ([4, 4, 20], ["<5", "<5", "×"], "28"),  # 8 could only be 4 + 4: a guard as well
        ([1, 5, 9], ["<5", "×", "×"], "15"),  # 1 + a guard of exactly 5 would be solved
        ([3, 0, 0], ["<5", "0", "0"], "<5"),
        ([4, 4], ["×", "×"], "8"),  # 8 could only be 4 + 4 and nothing is left to guard with
        ([1, 1], ["<5", "<5"], "<5"),
        ([0, 0, 0], ["0", "0", "0"], "0"),
        ([4], ["<5"], "<5"),
    ],
)
def test_small_counts_and_their_guards(values, cells, total):
    assert _texts(values) == (cells, total)


def _possible(cell, value) -> bool:
    """What a reader can tell about a count from the text shown for it."""
    text = cell.text(K)
    if cell.shown:
        return value == cell.value
    if text == "<5":
        return 0 < value < K
    return True  # "×": anything


@pytest.mark.parametrize("values", list(itertools.product((0, 1, 2, 4, 5, 6, 9), repeat=3)))
def test_no_hidden_count_can_be_worked_out_from_what_is_shown(values):
    """Knowing the total and every text shown, each hidden count still has several values.

    The reader is also allowed to know that a "×" beside "<5" cells is a guard of at least
    the threshold.
    """
    cells, total = protect_row(list(values), K)
    texts = [c.text(K) for c in cells]
    guarded = "<5" in texts
    fits = []
    for guess in itertools.product(range(0, 16), repeat=len(values)):
        if total.shown and sum(guess) != total.value:
            continue  # a total shown is known (other tables count the same referrals)
        if not total.shown and not 0 < sum(guess) < K:
            continue
        if not all(_possible(c, g) for c, g in zip(cells, guess, strict=True)):
            continue
        if guarded and any(t == "×" and g < K for t, g in zip(texts, guess, strict=True)):
            continue
        fits.append(guess)
    for i in range(len(cells)):
        if 0 < values[i] < K:
            assert len({g[i] for g in fits}) > 1, (values, texts, total.text(K))


def test_a_single_count_below_the_threshold_is_hidden():
    assert protect_count(4, K).text(K) == "<5" and protect_count(5, K).text(K) == "5"
    assert protect_count(0, K).text(K) == "0"


def test_the_page_and_its_csv_show_small_counts_the_same_way(app, client):
    net = tracker.network()
    from tests import factories

    coordinator = factories.user("coord@test.example", net.sender_org, ["coordinator"])
    for _ in range(2):
        case = tracker.case(net)
        tracker.consent(net, case)
        tracker.consent(net, case, kind="reporting", organisations=[], data=())
        tracker.referral(net, case)
    Browser(client).login(coordinator.email)
    page = client.get("/dashboard").get_data(as_text=True)
    assert "&lt;5" in page and ">2<" not in page
    text = client.get("/dashboard/status.csv").get_data(as_text=True)
    assert "Sent,<5" in text and "Total,<5" in text and ",2" not in text
