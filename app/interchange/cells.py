"""Writing values into cells and reading them back, with a plain message when one is wrong."""

import math
import re
import uuid
from datetime import UTC, date, datetime, time

from babel import Locale
from flask_babel import gettext as _

from app.forms import without_control_characters
from app.orgs.services import COUNTRY_CODES

# A spreadsheet treats text starting with these as a formula (CWE-1236). Such text is written
# with a leading apostrophe; numbers Pathways writes itself, such as a negative longitude, are
# written as numbers and left alone, since neutralising them would turn them into text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TRUE_WORDS = {"true", "yes", "y", "1"}
FALSE_WORDS = {"false", "no", "n", "0"}
LANGUAGE_CODES = frozenset(code for code in Locale("en").languages if "_" not in code)
LOCALE_PATTERN = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$")


class CellError(ValueError):
    """A value that cannot be read; the message says what to write instead."""


def _needs_quote(text: str) -> bool:
    # A run of apostrophes before a formula character is quoted once more, so reading the
    # cell back (which drops one apostrophe) gives exactly the text that was written.
    stripped = text.lstrip("'")
    return stripped.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """Return `text` safe to open in a spreadsheet: formula-like text gets an apostrophe."""
    return f"'{text}" if _needs_quote(text) else text


def unneutralise(text: str) -> str:
    """Undo `neutralise`, so a round trip gives back the original text."""
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return text


def iso_datetime(value: datetime) -> str:
    """Return `value` in UTC as ISO 8601 with a Z."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def format_cell(value, type_: str = "string") -> str:
    """Return the CSV text for `value` of a Frictionless `type_`."""
    if value is None:
        return ""
    if type_ == "string":
        return neutralise(str(value))
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ == "number":
        return repr(float(value))
    if type_ == "datetime":
        return iso_datetime(value)
    if type_ == "time":
        return value.strftime("%H:%M:%S")
    return str(value)  # integer, date


def read_text(raw: str, limit: int | None = None) -> str:
    """Return the text of a cell, refusing more than `limit` characters; control characters
    are left out as a form leaves them out of what is typed (app.forms)."""
    text = without_control_characters(unneutralise(raw))
    if limit is not None and len(text) > limit:
        raise CellError(_("Write at most %(limit)d characters.", limit=limit))
    return text


def read_bool(raw: str) -> bool | None:
    """Return True, False, or None for a blank cell."""
    word = raw.strip().casefold()
    if not word:
        return None
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("Write “true” or “false”."))


def read_int(raw, low: int = 0, high: int = 100000) -> int | None:
    """Return a whole number from `low` to `high`, or None for a blank cell."""
    text = str(raw).strip()
    if not text:
        return None
    try:
        number = float(text) if "." in text else int(text)
    except ValueError:
        raise CellError(_("Write a whole number.")) from None
    if isinstance(number, float):
        if not number.is_integer():
            raise CellError(_("Write a whole number."))
        number = int(number)
    if not low <= number <= high:
        raise CellError(_("Write a whole number from %(low)d to %(high)d.", low=low, high=high))
    return number


def read_number(raw, low: float, high: float) -> float | None:
    """Return a finite number from `low` to `high`, or None for a blank cell."""
    text = str(raw).strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise CellError(_("Write a number, with a point for decimals.")) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise CellError(_("Write a number from %(low)s to %(high)s.", low=low, high=high))
    return number


def read_latitude(raw) -> float | None:
    return read_number(raw, -90, 90)


def read_longitude(raw) -> float | None:
    return read_number(raw, -180, 180)


def read_datetime(raw: str) -> datetime | None:
    """Return an ISO 8601 date and time in UTC (UTC when it names no zone)."""
    text = raw.strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CellError(_("Write a date and time such as 2025-01-31T09:30:00Z.")) from None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def read_date(raw: str) -> date | None:
    text = raw.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(_("Write a date such as 2025-01-31.")) from None


def read_time(raw: str) -> time | None:
    text = raw.strip()
    if not text:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise CellError(_("Write a time such as 09:30.")) from None


def read_uuid(raw: str) -> str:
    """Return a UUID in its canonical lower-case form."""
    text = raw.strip()
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise CellError(_("Write an id such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.")) from None


def read_country(raw: str) -> str:
    """Return an ISO 3166 two-letter country code."""
    code = raw.strip().upper()
    if code not in COUNTRY_CODES:
        raise CellError(_("Write a two-letter country code such as TH."))
    return code


def read_codes(raw: str, allowed) -> list[str]:
    """Return the sorted, distinct comma-separated codes, each one of `allowed`."""
    codes = [part.strip().casefold() for part in str(raw).split(",") if part.strip()]
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        raise CellError(
            _(
                "Unknown code %(code)s; use %(choices)s.",
                code=unknown[0],
                choices=", ".join(sorted(allowed)),
            )
        )
    return sorted(set(codes))


def read_languages(raw: str) -> list[str]:
    """Return the sorted, distinct ISO 639 language codes of a cell."""
    codes = [part.strip().casefold() for part in str(raw).split(",") if part.strip()]
    for code in codes:
        if code not in LANGUAGE_CODES:
            raise CellError(_("%(code)s is not an ISO 639 language code.", code=code))
    return sorted(set(codes))


def read_locale(raw: str) -> str:
    """Return a locale identifier such as th or pt_BR."""
    text = raw.strip()
    if not LOCALE_PATTERN.match(text):
        raise CellError(_("Write a language code such as th or vi."))
    return text


def read_url(raw: str, limit: int = 500) -> str:
    """Return an http(s) address, or an empty string."""
    text = read_text(raw.strip(), limit)
    # Only web addresses: a javascript: or data: link would run in a reader's browser.
    if text and not re.match(r"^https?://[^\s]+$", text, re.IGNORECASE):
        raise CellError(_("Write a web address starting with https:// or http://."))
    return text


def read_email(raw: str, limit: int = 254) -> str:
    """Return something shaped like an email address, or an empty string."""
    text = read_text(raw.strip(), limit)
    if text and not re.match(r"^[^@\s]+@[^@\s]+$", text):
        raise CellError(_("Write an email address such as help@example.org."))
    return text
