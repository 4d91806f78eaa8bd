"""Small numbers stay hidden: a count below the threshold shows as "<5", and nothing shown lets
anyone work it out from a total.

A table here is a row of counts with its total. A count from 1 to threshold-1 is hidden
("<5"). The total is treated as known (the same referrals are counted in other tables), so as
long as a hidden count could still be worked out — it alone is hidden, or the hidden counts can
only be all ones or all (threshold-1), or the guards around it are exactly at the threshold —
the next smallest shown count is hidden as a guard ("×"). If no count is left to hide, every
count of the row is shown as "×" (zeros too), which leaves nothing to solve. A total below the
threshold shows as "<5". Zero is shown otherwise: it names nobody.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    value: int
    shown: bool = True
    small: bool = False  # hidden and shown as "<5"; hidden otherwise is "×"

    def text(self, threshold: int) -> str:
        if self.shown:
            return str(self.value)
        return f"<{threshold}" if self.small else "×"


def _is_small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def _pinned(values, small, guard, threshold: int) -> bool:
    """True when some hidden small count has only one value that fits what is shown.

    What a reader knows: "<5" is 1..threshold-1, "×" is at least threshold, the total.
    """
    hidden_small = [values[i] for i in range(len(values)) if small[i]]
    guards = [values[i] for i in range(len(values)) if guard[i]]
    if not hidden_small:
        return False
    rest = sum(hidden_small) + sum(guards)
    if guards:
        # Each small count can go up as far as the guards can come down to the threshold.
        slack = rest - len(hidden_small) - threshold * len(guards)
        return slack == 0
    if len(hidden_small) == 1:
        return True
    return rest in (len(hidden_small), len(hidden_small) * (threshold - 1))


def protect_row(values: list[int], threshold: int) -> tuple[list[Cell], Cell]:
    """Hide what must be hidden in one row of counts; return its cells and its total."""
    total = sum(values)
    total_cell = Cell(
        total, shown=not _is_small(total, threshold), small=_is_small(total, threshold)
    )
    small = [_is_small(v, threshold) for v in values]
    guard = [False] * len(values)
    # A small total is hidden wherever these referrals are counted, so nothing can be solved.
    while total_cell.shown and _pinned(values, small, guard, threshold):
        candidates = [
            (v, i) for i, v in enumerate(values) if v > 0 and not small[i] and not guard[i]
        ]
        if not candidates:
            return [Cell(v, shown=False) for v in values], total_cell
        guard[min(candidates)[1]] = True
    cells = [
        Cell(v, shown=not (small[i] or guard[i]), small=small[i]) for i, v in enumerate(values)
    ]
    return cells, total_cell


def protect_count(value: int, threshold: int) -> Cell:
    """A single count on its own."""
    return Cell(value, shown=not _is_small(value, threshold), small=_is_small(value, threshold))
