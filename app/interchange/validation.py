"""Reading uploaded files defensively and collecting every problem before anything is written."""

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from flask_babel import gettext as _

MAX_CELL = 10_000  # characters in one cell
MAX_ROWS = 50_000  # data rows in one file or sheet
MAX_PACKAGE_BYTES = 50 * 1024 * 1024  # everything a zip or workbook may unpack to
MAX_ZIP_MEMBERS = 1000
MAX_PROBLEMS = 200  # past this, a count is enough: the file needs fixing at its source
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class Problem:
    """One thing wrong with an import, placed by file (or sheet), row and column."""

    where: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _(
                "%(file)s, row %(row)d, column %(column)s: %(message)s",
                file=self.where,
                row=self.row,
                column=self.column,
                message=self.message,
            )
        if self.row is not None:
            return _(
                "%(file)s, row %(row)d: %(message)s",
                file=self.where,
                row=self.row,
                message=self.message,
            )
        return _("%(file)s: %(message)s", file=self.where, message=self.message)


@dataclass
class Problems:
    """Every problem found so far; the import goes ahead only when there are none."""

    items: list[Problem] = field(default_factory=list)
    more: int = 0

    def add(self, where: str, message, row: int | None = None, column: str | None = None):
        if len(self.items) >= MAX_PROBLEMS:
            self.more += 1
            return
        self.items.append(Problem(where, str(message), row, column))

    def __bool__(self) -> bool:
        return bool(self.items)

    def lines(self) -> list[str]:
        lines = [str(problem) for problem in self.items]
        if self.more:
            lines.append(_("…and %(count)d more problems.", count=self.more))
        return lines

    def check(self) -> None:
        """Raise ImportRejected if anything was found."""
        if self:
            raise ImportRejected(self)


class ImportRejected(Exception):
    """The files have problems; nothing was written."""

    def __init__(self, problems: Problems):
        super().__init__("; ".join(problems.lines()))
        self.problems = problems


def reject(where: str, message) -> ImportRejected:
    """Return an ImportRejected carrying one problem with a whole file."""
    problems = Problems()
    problems.add(where, message)
    return ImportRejected(problems)


def decode_text(data: bytes, where: str) -> str:
    """Return the text of a UTF-8 file (a BOM is dropped), or raise ImportRejected."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise reject(
            where, _("Line %(line)d holds a NUL byte: this is not a text file.", line=line)
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise reject(
            where,
            _(
                "Line %(line)d is not UTF-8 text. Save the file as “CSV UTF-8” and try again.",
                line=line,
            ),
        ) from None


@dataclass
class Table:
    """A CSV file read into its header and rows; row numbers count the header as row 1."""

    where: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def read_csv(data: bytes, where: str, problems: Problems) -> Table | None:
    """Read a CSV file, noting problems with its shape; None if it cannot be read at all."""
    try:
        text = decode_text(data, where)
    except ImportRejected as exc:
        problems.items.extend(exc.problems.items)
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if header is None:
                header = [cell.strip() for cell in cells]
                if len(set(header)) != len(header):
                    problems.add(where, _("The header names a column twice."), 1)
                    return None
                continue
            if number - 1 > MAX_ROWS:
                problems.add(
                    where,
                    _(
                        "More than %(limit)d rows: split the file and import each part.",
                        limit=MAX_ROWS,
                    ),
                )
                return None
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                problems.add(where, _("This row has more cells than the header."), number)
                continue
            for cell in cells:
                if len(cell) > MAX_CELL:
                    problems.add(
                        where,
                        _("A cell is longer than %(limit)d characters.", limit=MAX_CELL),
                        number,
                    )
                    break
            else:
                rows.append((number, dict(zip(header, cells, strict=False))))
    except csv.Error:
        # The csv module refuses cells over its own limit and unbalanced quotes.
        problems.add(
            where,
            _("This row cannot be read: check its quotes and that no cell is very long."),
            number + 1,
        )
        return None
    if header is None:
        problems.add(where, _("The file is empty."))
        return None
    return Table(where, header, rows)


def _safe_name(name: str) -> str | None:
    """Return the file name of a zip member, or None when its path could escape a folder."""
    if "\\" in name or name.startswith("/") or ":" in name or "\x00" in name:
        return None
    path = PurePosixPath(name)
    if any(part in ("..", "") for part in path.parts):
        return None
    return path.name


def open_zip(data: bytes, where: str, damaged: str | None = None) -> zipfile.ZipFile:
    """Open a zip (a package, or an .xlsx), refusing bombs and unsafe member names."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise reject(where, damaged or _("This is not a zip file, or it is damaged.")) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise reject(where, _("The zip file holds too many files."))
    for member in members:
        if _safe_name(member.filename) is None:
            raise reject(
                where, _("The zip file holds an unsafe name: %(name)s.", name=member.filename[:200])
            )
    # zipfile never inflates a member past the size its directory declares, so the sum of
    # declared sizes bounds what unpacking can cost.
    if sum(member.file_size for member in members) > MAX_PACKAGE_BYTES:
        raise reject(
            where,
            _(
                "The file unpacks to more than %(size)d MB; it is refused.",
                size=MAX_PACKAGE_BYTES // (1024 * 1024),
            ),
        )
    return archive


def unpack_zip(data: bytes, where: str, wanted: set[str]) -> dict[str, bytes]:
    """Return the `wanted` files of a zip by name, wherever they sit in its folders."""
    archive = open_zip(data, where)
    files: dict[str, bytes] = {}
    for member in archive.infolist():
        name = _safe_name(member.filename)
        if member.is_dir() or name not in wanted:
            continue
        if name in files:
            raise reject(where, _("The zip file holds %(name)s twice.", name=name))
        try:
            files[name] = archive.read(member)
        except (
            zipfile.BadZipFile,
            ValueError,
            EOFError,
            OSError,
            RuntimeError,
            zlib.error,
            NotImplementedError,
        ):
            raise reject(where, _("This is not a zip file, or it is damaged.")) from None
    return files


def read_folder(folder: Path, wanted: set[str]) -> dict[str, bytes]:
    """Return the `wanted` files found in `folder`, refusing a package that is too large."""
    files: dict[str, bytes] = {}
    total = 0
    for name in sorted(wanted):
        path = folder / name
        if not path.is_file():
            continue
        total += path.stat().st_size
        if total > MAX_PACKAGE_BYTES:
            raise reject(
                str(folder),
                _(
                    "The files add up to more than %(size)d MB; split the import.",
                    size=MAX_PACKAGE_BYTES // (1024 * 1024),
                ),
            )
        files[name] = path.read_bytes()
    return files
