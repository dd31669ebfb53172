"""What the measure, source, provision, compare and methodology pages show."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from django.utils.translation import gettext as _

from mercwatch.site.services.actors import actor_of, level_labels, provisions_for
from mercwatch.site.services.explain import decisive
from mercwatch.site.services.index import cited_by
from mercwatch.site.services.moment import BadInput, Moment
from mercwatch.site.services.paging import At, page_of
from mercwatch.site.services.scorecard import governments, tracked
from mercwatch.site.services.wording import designated_span, kind_label, span
from mercwatch.store import current as cache
from mercwatch.tracker.methodology import Implied, MethodologyFile
from mercwatch.tracker.services.assessments import methodology_of
from mercwatch.tracker.snapshot import NotFound, Snapshot, as_json

NOT_SHOWN = {"not-assessed", "not-applicable"}


def measure_page(data: Snapshot, measure_id: str) -> dict[str, Any]:
    """Give a measure: who, what, when, lifecycle, targets, links and every source."""
    if measure_id not in data.measures:
        raise NotFound(measure_id)
    m = data.measures[measure_id]
    actor_id, family = m.actor, m.family
    sources = [(c, data.sources[c.source]) for c in m.sources]
    today = dt.date.today()
    levels = level_labels(data, None)
    return {
        "measure": m,
        "actor": data.actors[actor_id],
        "targets": [
            (
                t,
                data.actors[t.actor],
                designated_span(t.since or m.date, t.until, today)
                if t.role == "designated"
                else span(t.since, t.until, today),
            )
            for t in m.targets
        ],
        "links": [(k, data.provisions[k.provision], levels.get(k.level, k.level)) for k in m.links],
        "sources": sources,
        "json": {"actor": actor_id, "family": family, **as_json(m)},
    }


def source_page(data: Snapshot, source_id: str) -> dict[str, Any]:
    """Give a source and everything that cites it."""
    if source_id not in data.sources:
        raise NotFound(source_id)
    s = data.sources[source_id]
    group = s.group
    citing = cited_by(data, source_id)
    return {
        "source": s,
        "measures": [data.measures[i] for kind, i in citing if kind == "measure"],
        "memberships": [_membership(data, i) for kind, i in citing if kind == "membership"],
        "actors": [data.actors[i] for kind, i in citing if kind == "actor"],
        "json": {
            "group": group,
            **as_json(s),
            "cited_by": [{"kind": k, "id": i} for k, i in citing],
        },
    }


def _membership(data: Snapshot, cited: str) -> dict[str, Any]:
    """Give a cited membership (`framework:actor`) as a sentence and its actor."""
    framework, _sep, actor_id = cited.partition(":")
    role = next(m.role for m in data.memberships[framework] if m.actor == actor_id)
    return {
        "actor": data.actors[actor_id],
        "text": _("%(role)s of the %(framework)s")
        % {"role": role, "framework": data.frameworks[framework].short_title},
    }


def provision_page(data: Snapshot, code: str, moment: Moment, at: At) -> dict[str, Any]:
    """Give what a provision asks and the approaches taken, side by side, by assessed actor."""
    if code not in data.provisions:
        raise NotFound(code)
    entry = data.provisions[code]
    framework, parent = entry.framework, entry.parent
    method = methodology_of(data, moment.version)
    kinds = method.kinds_assessed(provision=code, framework=framework)
    ids = tuple(
        a.id
        for a in sorted(data.actors.values(), key=lambda a: a.name)
        if a.kind in kinds and code in provisions_for(data, a.kind, moment.version)
    )
    grid = cache.grid(data, moment.version, ids, (code,), moment.day) if ids else {}
    approaches = [
        (data.actors[a], grid[(a, code)])
        for a in ids
        if grid[(a, code)].contributions or grid[(a, code)].override
    ]
    approaches.sort(key=lambda x: (-(x[1].score or 0), x[0].name))
    pager = page_of(approaches, at)
    counts: dict[str, int] = {}
    for a in ids:
        counts[grid[(a, code)].label] = counts.get(grid[(a, code)].label, 0) + 1
    implied = [_implied(data, method, i) for i in method.implied if code in i.provisions]
    return {
        "moment": moment,
        "framework": data.frameworks[framework],
        "parent": data.provisions[parent] if parent else None,
        "provision": entry,
        "approaches": [(actor, a, *decisive(a)) for actor, a in pager.items],
        "with_evidence": len(approaches),
        "pager": pager,
        "counts": counts,
        "assessed": len(ids),
        "implied": implied,
        "json": {
            "framework": framework,
            "parent": parent,
            "provision": {k: v for k, v in as_json(entry).items() if k != "provisions"},
            "commitments": [p.code for p in entry.provisions],
            "as_of": moment.as_dict(),
            "counts": counts,
            **pager.as_dict(),
            "approaches": [a.as_dict() for _actor, a in pager.items],
        },
    }


def compare_page(data: Snapshot, ids: list[str], moment: Moment) -> dict[str, Any]:
    """Give two to four governments side by side on each recommendation, with their totals; with
    one, the form with it chosen, inviting to choose more."""
    known = set(governments(data))
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise BadInput(_("ids: not an assessed government: %(ids)s") % {"ids": ", ".join(unknown)})
    twice = [i for n, i in enumerate(ids) if i in ids[:n]]
    if twice:
        names = ", ".join(data.actors[i].name for i in dict.fromkeys(twice))
        raise BadInput(
            str(
                _(
                    "ids: %(names)s chosen more than once: a government cannot be compared with "
                    "itself; choose two to four different governments"
                )
                % {"names": names}
            )
        )
    if len(ids) > 4:
        raise BadInput(
            _("ids: choose two to four governments, got %(count)d") % {"count": len(ids)}
        )
    actors = [actor_of(data, i, {"country", "supranational"}) for i in ids]
    compared = actors if len(ids) >= 2 else []
    columns = tracked(data, moment.version)
    grid = cache.grid(data, moment.version, tuple(ids), columns, moment.day) if compared else {}
    rows = [
        (
            data.provisions[code],
            [(grid[(a.id, code)], *decisive(grid[(a.id, code)])) for a in compared],
        )
        for code in (columns if compared else ())
    ]
    totals = [sum(cells[n][0].score or 0 for _p, cells in rows) for n in range(len(compared))]
    method = methodology_of(data, moment.version)
    return {
        "actors": compared,
        "names": ", ".join(a.name for a in compared),  # the table's caption names them
        "chosen": actors,
        "rows": rows,
        "totals": list(zip(compared, totals, strict=True)),
        "levels": [lv for lv in method.levels if lv.code not in NOT_SHOWN],
        "moment": moment,
        "choices": [data.actors[i] for i in governments(data)],
        "slots": [ids[n] if n < len(ids) else "" for n in range(4)],
        "json": {
            "as_of": moment.as_dict(),
            "governments": ids,
            "totals": {a.id: t for a, t in zip(compared, totals, strict=True)},
            "assessments": [a.as_dict() for _p, cells in rows for a, _d, _more in cells],
        },
    }


def methodology_page(data: Snapshot, version: str | None) -> dict[str, Any]:
    """Give a methodology version, rendered from its file, and the history of versions."""
    method = methodology_of(data, version)
    history = sorted(
        (m.rules for m in data.methodologies.values()),
        key=lambda m: tuple(int(x) for x in m.version.split(".")),
        reverse=True,
    )
    text = data.methodologies[method.version].document
    parsed = cache.memo(data, ("methodology-yaml", method.version), lambda: yaml.safe_load(text))
    return {
        "method": method,
        "rules": [(r.code.replace("-", " ").capitalize(), r.description) for r in method.rules],
        "implied": [_implied(data, method, i) for i in method.implied],
        "scope": [
            {
                "kinds": [kind_label(k) for k in s.actor_kinds],
                "framework": _framework_name(data, s.framework) if s.framework else "",
                "provisions": [_provision_name(data, c) for c in s.provisions],
            }
            for s in method.scope
        ],
        "history": history,
        "json": {"version": method.version, "methodology": parsed},
    }


def _implied(data: Snapshot, method: MethodologyFile, implied: Implied) -> dict[str, Any]:
    """Give a membership that implies commitments as readers see it: names and labels."""
    return {
        "framework": _framework_name(data, implied.framework),
        "roles": implied.roles,
        "provisions": [_provision_name(data, c) for c in implied.provisions],
        "level": method.level(implied.level).label,
        "rationale": implied.rationale,
    }


def _framework_name(data: Snapshot, framework: str) -> str:
    found = data.frameworks.get(framework)
    return found.title if found else framework


def _provision_name(data: Snapshot, code: str) -> str:
    """Give a provision as readers name it: "Blueprint 5. Mandate vendor verification"."""
    found = data.provisions.get(code)
    if found is None:
        return code
    short = data.frameworks[found.framework].short_title
    return f"{short} {found.number}. {found.title}"
