"""A record's history page: who changed it, when, why (the reason and its label), and each field
before and after, with names instead of IDs; a deleted record's last state and its retraction."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from mercwatch.core.partial_dates import PartialDate
from mercwatch.core.vocabulary import ChangeLabel
from mercwatch.site.services.links import actor_url, measure_url, provision_url, source_url
from mercwatch.site.services.paging import At, page_of
from mercwatch.store import history as store_history
from mercwatch.tracker.snapshot import NotFound, Snapshot

PER_PAGE = 50  # revisions a page


def key_of(kind: str, parts: dict[str, str]) -> dict[str, str]:
    """Give the fields that name a record of `kind` from the parts of its history's URL."""
    if kind == "provision":
        return {"code": f"{parts['framework']}/{parts['number']}"}
    if kind == "membership":
        return {"actor_id": parts["actor_id"], "framework_id": parts["fid"]}
    if kind == "override":
        code = f"{parts['framework']}/{parts['number']}"
        return {"actor_id": parts["actor_id"], "provision_id": code}
    if kind == "relationship":
        return {
            "subject_id": parts["subject"],
            "kind": parts["relation"],
            "object_id": parts["object"],
        }
    name = {"actor": "actor_id", "measure": "measure_id", "source": "source_id", "framework": "fid"}
    return {"id": parts[name[kind]]}


def history_page(data: Snapshot, kind: str, parts: dict[str, str], at: At) -> dict[str, Any]:
    """Give the context of the history page of a record (NotFound if it was never written)."""
    key = key_of(kind, parts)
    found = store_history.history(kind, key)
    if found is None:
        raise NotFound(f"{kind} {key}")
    pager = page_of(found.steps, at, PER_PAGE)
    steps = [_step(data, step) for step in pager.items]
    named = {**found.state, **found.key}  # its fields, its key's too ("id", "code")
    title = _title(data, kind, named)
    page = None if found.deleted else _page_of(data, kind, named)
    return {
        "title": title,
        "kind": _kind_name(kind),
        "deleted": found.deleted,
        "record_url": page,
        "state": [(_field_name(kind, f), _shown(data, f, v, kind)) for f, v in found.state.items()],
        "steps": steps,
        "pager": pager,
        "json": {
            "record": {
                "kind": kind,
                "key": found.key,
                "title": title,
                "deleted": found.deleted,
                "page": page,
            },
            "state": {f: _raw(v) for f, v in found.state.items()},
            **pager.as_dict(),
            "revisions": [_step_json(step) for step in pager.items],
        },
    }


def label_name(label: str) -> str:
    """Give the name of a change label ("" for none)."""
    return str(ChangeLabel(label).label) if label in ChangeLabel.values else ""


def _kind_name(kind: str) -> str:
    return {
        "actor": _("Actor"),
        "measure": _("Measure"),
        "source": _("Source"),
        "provision": _("Provision"),
        "framework": _("Framework"),
        "membership": _("Membership"),
        "relationship": _("Relationship"),
        "override": _("Editors' decision"),
    }[kind]


def _title(data: Snapshot, kind: str, state: dict[str, Any]) -> str:
    """Give the record's name as its last state has it."""
    if kind == "actor":
        return str(state["name"])
    if kind == "measure":
        return str(state["title"])
    if kind == "source":
        return str(state["title"] or state["url"])
    if kind == "provision":
        return f"{state['number']}. {state['title']}"
    if kind == "framework":
        return str(state["short_title"])
    if kind == "membership":
        return _("%(actor)s, %(role)s of the %(framework)s") % {
            "actor": _actor(data, state["actor"]),
            "role": state["role"],
            "framework": _framework(data, state["framework"]),
        }
    if kind == "relationship":
        return f"{_actor(data, state['subject'])} – {_shown(data, 'kind', state['kind'], kind)}"\
            f" – {_actor(data, state['object'])}"  # fmt: skip
    return _("%(actor)s on %(provision)s") % {
        "actor": _actor(data, state["actor"]),
        "provision": _provision(data, state["provision"]),
    }


def _page_of(data: Snapshot, kind: str, state: dict[str, Any]) -> str | None:
    """Give the public page that shows the record, where there is one."""
    if kind == "measure" and state["id"] in data.measures:
        return measure_url(state["id"])
    if kind == "source" and state["id"] in data.sources:
        return source_url(state["id"])
    if kind == "provision" and state["code"] in data.provisions:
        return provision_url(state["code"])
    actor = {"actor": "id", "membership": "actor", "override": "actor", "relationship": "subject"}
    if kind in actor and state[actor[kind]] in data.actors:
        found = data.actors[state[actor[kind]]]
        return actor_url(found.id, found.kind)
    return None


def _step(data: Snapshot, step: store_history.Step) -> dict[str, Any]:
    return {
        "at": step.at,
        "by": step.by,
        "reason": step.reason,
        "label": step.shown_label,
        "label_name": label_name(step.shown_label),
        "retracts": step.retracts,
        "entries": [
            {
                "part": _part(data, entry),
                "action": {"added": _("added"), "changed": _("changed"), "deleted": _("deleted")}[
                    entry.action
                ],
                "deleted": entry.action == "deleted",
                "fields": [
                    (
                        _field_name(entry.model, f),
                        _shown(data, f, b, entry.model),
                        _shown(data, f, a, entry.model),
                    )
                    for f, b, a in entry.changes
                ],
            }
            for entry in step.entries
        ],
    }


def _step_json(step: store_history.Step) -> dict[str, Any]:
    return {
        "at": step.at.isoformat(),
        "by": step.by,
        "reason": step.reason,
        "label": step.shown_label or None,
        "label_name": label_name(step.shown_label) or None,
        "changes": [
            {
                "model": entry.model,
                "own": entry.own,
                "action": entry.action,
                "fields": {f: {"before": _raw(b), "after": _raw(a)} for f, b, a in entry.changes},
            }
            for entry in step.entries
        ],
    }


def _part(data: Snapshot, entry: store_history.Entry) -> str:
    """Name the row an entry is about: the record itself, or one of the rows it holds."""
    v = entry.values
    if entry.own:
        return _("The record")
    if entry.model == "link":
        return _("Link to %(provision)s") % {"provision": _provision(data, v["provision"])}
    if entry.model == "measureevent":
        return _("Step: %(kind)s") % {"kind": _shown(data, "kind", v["kind"], "measureevent")}
    if entry.model == "target":
        return _("Aimed at %(actor)s") % {"actor": _actor(data, v["actor"])}
    if entry.model == "citation":
        return _("Source: %(source)s") % {"source": _source(data, v["source"])}
    if entry.model == "alias":
        return _("Other name: %(name)s") % {"name": v["name"]}
    return _("Product: %(name)s") % {"name": v.get("name", "")}


def _model(name: str) -> Any:
    for label in ("tracker", "market"):
        try:
            return apps.get_model(label, name)
        except LookupError:
            continue
    return None


def _field_name(model: str, field: str) -> str:
    found = _model(model)
    if found is None:
        return capfirst(field)
    return str(capfirst(found._meta.get_field(field).verbose_name))


def _shown(data: Snapshot, field: str, value: Any, model: str) -> str:
    """Give a value as readers see it: a name for a reference, a label for a code."""
    if value is None or value == "" or value == []:
        return _("(none)")
    if field in {"actor", "country", "subject", "object", "vendor"}:
        return _actor(data, value)
    if field in {"provision", "parent"}:
        return _provision(data, value)
    if field == "framework":
        return _framework(data, value)
    if field == "source":
        return _source(data, value)
    if isinstance(value, PartialDate):
        return value.human()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    found = _model(model)
    if found is not None:
        choices = dict(found._meta.get_field(field).flatchoices)
        if value in choices:
            return str(choices[value])
    return str(value)


def _actor(data: Snapshot, actor_id: Any) -> str:
    found = data.actors.get(str(actor_id))
    return found.name if found is not None else _("an actor no longer listed")


def _provision(data: Snapshot, code: Any) -> str:
    found = data.provisions.get(str(code))
    return f"{found.number}. {found.title}" if found is not None else str(code)


def _framework(data: Snapshot, framework_id: Any) -> str:
    found = data.frameworks.get(str(framework_id))
    return found.short_title if found is not None else str(framework_id)


def _source(data: Snapshot, source_id: Any) -> str:
    found = data.sources.get(str(source_id))
    if found is None:
        return _("a source no longer listed")
    return found.title or found.url


def _raw(value: Any) -> Any:
    """Give a value as the JSON twin shows it: dates as ISO text, as precise as known."""
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    return str(value)
