"""`mercwatch explain ACTOR PROVISION`: one assessment, explained for a person."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.store.management.commands._dataset import add_dataset_arguments, as_of, dataset
from mercwatch.tracker.services.assessments import DataError, assess


class Command(BaseCommand):
    help = "Explain one actor's assessment on one provision: rule, measures, sources."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("actor", help="actor ID, e.g. US")
        parser.add_argument("provision", help="provision code, e.g. blueprint/5")
        add_dataset_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        data = dataset(options)
        actor, code = options["actor"], options["provision"]
        if actor not in data.actors:
            raise CommandError(f"unknown actor {actor!r}")
        if code not in data.provisions:
            raise CommandError(f"unknown provision {code!r}")
        try:
            found = assess(
                data,
                as_of=as_of(options),
                actors=[actor],
                provisions=[code],
                version=options["methodology"],
                kinds=[data.actors[actor].kind],
            )
        except DataError as exc:
            raise CommandError("\n".join(exc.errors)) from exc
        a = found[0]
        title = data.provisions[code].title
        out = self.stdout.write
        out(f"{data.actors[actor].name} – {code} {title}, as of {a.as_of.isoformat()}")
        out(
            f"Level: {a.label} ({a.level}), score {a.score if a.score is not None else '–'}"
            f"{', confidence ' + a.confidence if a.confidence else ''}"
            f"{'' if a.derived else ' – set by the editors'}"
        )
        out(f"Rule: {a.rule} (methodology {a.methodology}). {a.text}")
        if a.override:
            out(f"Override rationale: {a.override['rationale']}")
            out(f"The rules alone give: {a.override['derived_level']}")
        for c in a.contributions:
            mark = "*" if c.decisive else "-"
            when = c.date.human() if c.date else "date unknown"
            out(f"\n{mark} [{c.kind}] {c.title} ({c.id}), {when}")
            out(
                f"  link level: {c.link_level}; confidence: {c.confidence}"
                f"{'; DISPUTED' if c.disputed else ''}"
            )
            out(f"  rationale: {c.rationale}")
            for s in c.sources:
                out(f"  {'source' if s.stance == 'supports' else 'disputed by'}: {s.url}")
