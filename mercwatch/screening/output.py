"""A run written out: JSON (the run's record, then one object per query), CSV (one row per
match, or per query without one, each naming the run) and a plain table for the terminal."""

from __future__ import annotations

import csv
import io
import json

from django.utils.translation import gettext as _

from mercwatch.exports.safe import neutralise
from mercwatch.screening.run import Run

CSV_COLUMNS = (
    "number", "id", "query", "actor", "name", "matched_name", "score", "designated", "affiliated",
    "listed", "path", "reasons", "data_version", "edition", "methodology", "threshold", "as_of",
    "screened_at",
)  # fmt: skip


def as_json(run: Run) -> str:
    return json.dumps(run.as_json(), ensure_ascii=False, indent=2) + "\n"


def rows(run: Run) -> list[list[str]]:
    """Give the CSV's rows, header first; every cell a spreadsheet would run is made inert."""
    record = run.record()
    tail = [str(record[k] or "") for k in CSV_COLUMNS[12:]]
    out = [list(CSV_COLUMNS)]
    for number, result in enumerate(run.results, start=1):
        head = [str(number), result.get("id", ""), result["query"]]
        for m in result["matches"] or [None]:
            if m is None:
                body = [""] * 9
            else:
                body = [
                    m["actor"], m["name"], m["matched_name"], f"{m['score']:.4f}",
                    yes(m["designated"]), yes(m["affiliated"]), yes(m["listed"]),
                    " | ".join(m["path"]), "; ".join(m["reasons"]),
                ]  # fmt: skip
            out.append([str(neutralise(c)) for c in head + body + tail])
    return out


def as_csv(run: Run) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows(run))
    return buffer.getvalue()


def yes(value: bool) -> str:
    return "yes" if value else "no"


def heading(run: Run) -> str:
    """Give the run's record in one sentence, as the table and the page show it."""
    r = run.record()
    text = _(
        "Screened %(names)d name(s) on %(as_of)s against data version %(version)s, "
        "methodology %(methodology)s, threshold %(threshold)s, at %(at)s."
    ) % {
        "names": r["names"],
        "as_of": r["as_of"],
        "version": r["data_version"],
        "methodology": r["methodology"],
        "threshold": r["threshold"],
        "at": r["screened_at"],
    }
    if r["edition"]:
        text += " " + _("Latest edition: %(edition)s.") % {"edition": r["edition"]}
    if r["since"]:
        text += " " + _("Only names whose result changed since %(since)s.") % {"since": r["since"]}
    return text
