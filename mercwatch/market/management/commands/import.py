"""`mercwatch import SOURCE [PATH]`: import an inventory of the market or a list of findings.

`misp-galaxy [PATH]` imports the MISP galaxy's surveillance vendors as listings (candidates,
never scored), through the write path; PATH defaults to the cluster file `pymispgalaxies`
ships. `mvt PATH` and `amnesty PATH` propose findings measures from the MVT project's
`indicators.yaml` or Amnesty Tech's list of investigation folders; `--accept` writes those
whose organisation and vendor resolve as curated, sourced measures. `--dry-run` reports what
an import would do and writes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from rich.table import Table

from mercwatch.market.imports import findings, misp_galaxy
from mercwatch.market.imports.errors import BadInput
from mercwatch.market.imports.listings import plan, write
from mercwatch.store.current import current_snapshot
from mercwatch.store.management.commands._output import fail, render
from mercwatch.store.writes import Refused

SOURCES = ("misp-galaxy", "mvt", "amnesty")


class Command(BaseCommand):
    help = "Import the MISP galaxy's vendors as listings, or findings from MVT or Amnesty Tech."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", choices=SOURCES, help="what to import")
        parser.add_argument("path", nargs="?", default=None, help="the file to import")
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument(
            "--accept",
            action="store_true",
            help="(mvt, amnesty) write the findings that resolve as curated measures",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["source"] == "misp-galaxy":
                self.galaxy(options["path"], dry_run=options["dry_run"])
            else:
                if options["path"] is None:
                    fail([f"{options['source']}: give the path of the file to import"])
                self.findings(
                    options["source"], Path(options["path"]), accept=options["accept"],
                    dry_run=options["dry_run"],
                )  # fmt: skip
        except BadInput as exc:
            fail(str(exc).splitlines())
        except Refused as exc:
            fail([str(p) for p in exc.problems])

    def galaxy(self, path: str | None, *, dry_run: bool) -> None:
        source = Path(path) if path else misp_galaxy.default_path()
        galaxy = misp_galaxy.read_galaxy(source)
        version = f"{misp_galaxy.CLUSTER} v{galaxy.version}"
        if path is None:
            version += f", pymispgalaxies {misp_galaxy.package_version()}"
        reason = f"import of the MISP galaxy {misp_galaxy.CLUSTER}@{galaxy.version} ({version})"
        with transaction.atomic():
            result = plan(misp_galaxy.INVENTORY, galaxy.listings, current_snapshot())
            if not dry_run:
                write(result, reason=reason)
        out = self.stdout.write
        out(f"{source}: {len(galaxy.listings)} entries ({version})")
        if galaxy.outside_ties:
            out(f"{galaxy.outside_ties} tie(s) to entries of other clusters left out")
        for name in ("created", "updated", "unchanged", "conflicting"):
            out(f"{name}: {result.counts[name]}")
        for name, count in sorted(result.counts.items()):
            if name not in {"created", "updated", "unchanged", "conflicting"}:
                out(f"{name}: {count}")
        for conflict in result.conflicts:
            out(f"conflict: {conflict}")
        matches = result.matches
        assert matches is not None
        out(f"matched to curated actors: {len(matches.matched)}")
        if matches.near:
            table = Table("listed", "curated", "actor", "score", title="near-matches to review")
            for near in matches.near:
                table.add_row(near.listed_name, near.actor_name, near.actor, f"{near.score:g}")
            out(render(table), ending="")
        if matches.unmatched_actors:
            out("curated vendors no entry matched: " + ", ".join(matches.unmatched_actors))
        if dry_run:
            out("dry run: nothing written")

    def findings(self, source: str, path: Path, *, accept: bool, dry_run: bool) -> None:
        proposal = findings.propose(source, path, current_snapshot())
        out = self.stdout.write
        table = Table("finding", "by", "vendor", "product", "date", "status", title=source)
        for p in proposal.findings:
            table.add_row(
                p.title, p.organisation or "?", p.vendor or "?", p.product or "-", p.date,
                p.status,
            )  # fmt: skip
        out(render(table, width=160), ending="")
        for name, count in sorted(proposal.counts.items()):
            out(f"{name}: {count}")
        for name in proposal.unknown:
            out(f"unknown to the curated data: {name}")
        if accept and not dry_run:
            written = findings.accept(
                proposal, reason=f"import of {source} findings from {path.name}"
            )
            out(f"accepted: {written} measure(s) written as curated, sourced findings")
        elif proposal.ready:
            out(f"{len(proposal.ready)} finding(s) resolve; give --accept to write them")
