"""Every string a user sees is translated into all four languages, and no entry is stale."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ["vi", "ms", "id", "th"]


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory):
    """Extract the messages from the code and templates as they are now."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [
            str(pybabel),
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with pot.open("rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_is_complete_and_current(source_messages, locale):
    with (ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    entries = {message.id: message for message in catalogue if message.id}
    missing = source_messages - entries.keys()
    stale = (entries.keys() - source_messages) | {m.id for m in catalogue.obsolete.values()}
    untranslated = [
        key
        for key, message in entries.items()
        if not message.string
        or not all(message.string if isinstance(message.string, tuple) else [message.string])
    ]
    fuzzy = [key for key, message in entries.items() if message.fuzzy]
    assert not missing, f"{locale}: not in the catalogue: {sorted(missing)[:5]}"
    assert not stale, f"{locale}: stale entries: {sorted(stale)[:5]}"
    assert not untranslated, f"{locale}: untranslated: {untranslated[:5]}"
    assert not fuzzy, f"{locale}: fuzzy: {fuzzy[:5]}"
