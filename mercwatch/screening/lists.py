"""Reading a list of names to screen (CSV: a `name` column; `id`, `country` and `kind`
optional), the same for the command, the page and the API: the whole list is checked first,
and the first fault is refused naming its line, so nothing is screened half."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pycountry
from django.conf import settings
from django.utils.translation import gettext as _

COLUMNS = ("name", "id", "country", "kind")
KINDS = ("vendor", "company", "person")
FORMULA = ("=", "+", "-", "@")  # a spreadsheet runs a cell starting so as a formula
MAX_NAME = 300  # characters of one name
MAX_FIELD = 300  # characters of an `id`, `country` or `kind`


class BadList(ValueError):
    """A list refused: `line` is the line of the file (1 for the header)."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(_("line %(line)d: %(reason)s") % {"line": line, "reason": reason})
        self.line, self.reason = line, reason


@dataclass(frozen=True)
class Query:
    name: str
    id: str = ""
    country: str = ""  # ISO 3166 alpha-2 code, or ""
    kind: str = ""
    line: int = 0


def _country(value: str, line: int) -> str:
    if not value:
        return ""
    try:
        found = pycountry.countries.lookup(value)
    except LookupError:
        reason = _("country: no country %(value)r (give a name or an ISO 3166 code)")
        raise BadList(line, reason % {"value": value}) from None
    return str(found.alpha_2)


def query_of(name: str, *, id: str = "", country: str = "", kind: str = "", line: int = 1) -> Query:
    """Give a checked query, or raise BadList naming `line` and the field."""
    name = " ".join(name.split())
    cells = {"name": name, "id": id.strip(), "country": country.strip(), "kind": kind.strip()}
    for column, value in cells.items():
        if value.startswith(FORMULA):
            reason = _(
                "%(column)s: the cell starts with %(first)r, which a spreadsheet would run as "
                "a formula; remove it"
            )
            raise BadList(line, reason % {"column": column, "first": value[0]})
        most = MAX_NAME if column == "name" else MAX_FIELD
        if len(value) > most:
            reason = _("%(column)s: at most %(most)d characters, got %(length)d")
            raise BadList(line, reason % {"column": column, "most": most, "length": len(value)})
    if not name:
        raise BadList(line, _("name: empty"))
    if cells["kind"] and cells["kind"] not in KINDS:
        reason = _("kind: %(kind)r is none of %(kinds)s")
        raise BadList(line, reason % {"kind": cells["kind"], "kinds": ", ".join(KINDS)})
    return Query(name, cells["id"], _country(cells["country"], line), cells["kind"], line)


def _decoded(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        reason = _("not UTF-8 text (byte 0x%(byte)02X); save the file as UTF-8 CSV")
        raise BadList(line, reason % {"byte": body[exc.start]}) from None


def read_list(body: bytes) -> list[Query]:
    """Give the queries of a CSV file's bytes, or raise BadList for the first fault."""
    most_bytes, most_rows = settings.SCREEN_MAX_BYTES, settings.SCREEN_MAX_ROWS
    if len(body) > most_bytes:
        reason = _("the file is %(size)d bytes; at most %(most)d are screened at once")
        raise BadList(1, reason % {"size": len(body), "most": most_bytes})
    text = _decoded(body)
    if not text.strip():
        raise BadList(1, _("the file is empty; the first line names the columns, one is name"))
    if "\x00" in text:
        raise BadList(text[: text.index("\x00")].count("\n") + 1, _("a NUL character"))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().casefold() for h in next(reader)]
        if "name" not in header:
            reason = _("no name column (the first line names the columns: %(columns)s)")
            raise BadList(1, reason % {"columns": ", ".join(header) or _("none")})
        queries: list[Query] = []
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                reason = _("%(got)d cells, but the first line names %(columns)d columns")
                raise BadList(line, reason % {"got": len(row), "columns": len(header)})
            if len(queries) >= most_rows:
                reason = _("more than %(most)d names; split the list")
                raise BadList(line, reason % {"most": most_rows})
            cells = dict(zip(header, row, strict=False))
            given = {c: cells.get(c, "") for c in COLUMNS}
            queries.append(query_of(given.pop("name"), line=line, **given))
    except csv.Error as exc:
        raise BadList(reader.line_num, _("not CSV: %(error)s") % {"error": exc}) from None
    if not queries:
        raise BadList(2, _("no names: the file holds only its first line"))
    return queries
