"""A synthetic data directory N times the size of a real one, for benchmarks.

Copy k (1 ≤ k < N) of every source, measure and non-government actor gets the suffix `-s<k>`
on its ID (and `#s<k>` on a source URL), so copies never collide. Governments stay the same
249 countries and bodies: each gets N times its measures, which is how real growth would land
on the scorecard. The result passes `mercwatch check`; it is never bundled or published.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.tracker.loader.read import read_files
from mercwatch.tracker.loader.schemas import ACTOR_DIRS
from mercwatch.tracker.loader.yamlio import write_yaml

COPIED_AS_IS = ("frameworks", "methodology", "editions.yaml", "overrides.yaml")


def _suffix(value: str, k: int) -> str:
    return value if k == 0 else f"{value}-s{k}"


def _cites(cites: list[Any], k: int) -> list[Any]:
    return [
        _suffix(c, k) if isinstance(c, str) else {**c, "source": _suffix(c["source"], k)}
        for c in cites
    ]


class _Copier:
    def __init__(self, governments: set[str]) -> None:
        self.governments = governments

    def actor_ref(self, actor_id: str, k: int) -> str:
        return actor_id if actor_id in self.governments else _suffix(actor_id, k)

    def actor(self, doc: dict[str, Any], k: int) -> dict[str, Any]:
        out = {**doc, "id": _suffix(doc["id"], k)}
        if k:
            out["name"] = f"{doc['name']} (synthetic {k})"
        out["sources"] = _cites(doc.get("sources", []), k)
        out["aliases"] = [
            {**a, "name": a["name"] if k == 0 else f"{a['name']} (synthetic {k})"}
            for a in doc.get("aliases", [])
        ]
        out["relationships"] = [
            {**r, "object": self.actor_ref(r["object"], k), "sources": _cites(r["sources"], k)}
            for r in doc.get("relationships", [])
        ]
        out["products"] = [
            {**p, "id": _suffix(p["id"], k), "sources": _cites(p["sources"], k)}
            for p in doc.get("products", [])
        ]
        return {key: value for key, value in out.items() if value not in ([], None)}

    def measure(self, doc: dict[str, Any], k: int) -> dict[str, Any]:
        out = {**doc, "id": _suffix(doc["id"], k), "sources": _cites(doc["sources"], k)}
        if "events" in doc:
            out["events"] = [
                {**e, "sources": _cites(e.get("sources", []), k)} for e in doc["events"]
            ]
        if "targets" in doc:
            out["targets"] = [{**t, "actor": self.actor_ref(t["actor"], k)} for t in doc["targets"]]
        return out


def _dump(model: Any) -> dict[str, Any]:
    result: dict[str, Any] = model.model_dump(mode="json", exclude_defaults=True)
    return result


def synthesize(source: Path, out: Path, scale: int) -> Counter[str]:
    """Write a data directory `scale` times `source` into `out`; give counts per kind."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    files = read_files(source)
    if files.errors:
        raise ValueError("\n".join(str(e) for e in files.errors))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    counts: Counter[str] = Counter()
    for name in COPIED_AS_IS:
        if (source / name).is_dir():
            shutil.copytree(source / name, out / name)
        elif (source / name).is_file():
            shutil.copy(source / name, out / name)

    def write(relative: str, data: Any) -> None:
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(write_yaml(data), encoding="utf-8")

    copies: Callable[[], range] = lambda: range(scale)  # noqa: E731
    governments = {a.model.id for a in files.actors if a.model.kind in GOVERNMENT_KINDS}
    copier = _Copier(governments)
    for group, source_file in files.sources:
        docs = [_dump(s) for s in source_file.model.sources]
        write(
            f"sources/{group}.yaml",
            {
                "sources": [
                    {**d, "id": _suffix(d["id"], k), "url": d["url"] + (f"#s{k}" if k else "")}
                    for k in copies()
                    for d in docs
                ]
            },
        )
        counts["sources"] += len(docs) * scale
    for actor_file in files.actors:
        doc = _dump(actor_file.model)
        kinds = [0] if actor_file.model.id in governments else list(copies())
        for k in kinds:
            copy = copier.actor(doc, k)
            write(f"actors/{ACTOR_DIRS[actor_file.model.kind]}/{copy['id']}.yaml", copy)
            counts["actors"] += 1
    for member_file in files.memberships:
        members = [_dump(m) for m in member_file.model.members]
        rows = [
            {**m, "actor": copier.actor_ref(m["actor"], k), "sources": _cites(m["sources"], k)}
            for m in members
            for k in ([0] if m["actor"] in governments else copies())
        ]
        write(
            f"memberships/{member_file.model.framework}.yaml",
            {"framework": member_file.model.framework, "members": rows},
        )
        counts["memberships"] += len(rows)
    for actor_id, family, measure_file in files.measures:
        docs = [_dump(m) for m in measure_file.model.measures]
        if actor_id in governments:
            rows = [copier.measure(d, k) for k in copies() for d in docs]
            write(f"measures/{actor_id}/{family}.yaml", {"measures": rows})
            counts["measures"] += len(rows)
        else:
            for k in copies():
                rows = [copier.measure(d, k) for d in docs]
                write(f"measures/{_suffix(actor_id, k)}/{family}.yaml", {"measures": rows})
                counts["measures"] += len(rows)
    return counts
