"""`mercwatch export`: every format from the one registry, byte-identical on every run."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from mercwatch.exports.registry import exporters

FORMATS = ("csv", "xlsx", "json", "datapackage", "ftm", "stix", "sqlite", "atom")


def snapshot(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {path.name: path.read_bytes()}
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))}


def test_the_registry_holds_exactly_the_eight_formats():
    assert sorted(exporters()) == sorted(FORMATS)


@pytest.mark.django_db
def test_every_format_is_byte_identical_on_a_second_run(market_db, tmp_path):
    for name in FORMATS:
        call_command("export", name, "--out", str(tmp_path / "a" / name))
        call_command("export", name, "--out", str(tmp_path / "b" / name))
        first, second = snapshot(tmp_path / "a" / name), snapshot(tmp_path / "b" / name)
        assert first, name
        assert first == second, name


def test_export_reads_a_data_directory_without_the_database(market_dir, tmp_path):
    call_command("export", "json", "--data", str(market_dir), "--out", str(tmp_path / "x.json"))
    assert b'"edition": "2022-01"' in (tmp_path / "x.json").read_bytes()


def test_export_of_an_unknown_edition_names_the_known_ones(market_dir, tmp_path):
    with pytest.raises(CommandError, match="no edition 'nope' \\(known: 2022-01\\)"):
        call_command(
            "export", "json", "--data", str(market_dir), "--edition", "nope",
            "--out", str(tmp_path / "x.json"),
        )  # fmt: skip


@pytest.mark.django_db
def test_the_database_and_its_data_directory_give_the_same_bytes(market_db, tmp_path):
    for name in ("json", "sqlite", "ftm"):
        call_command("export", name, "--out", str(tmp_path / f"db-{name}"))
        call_command(
            "export", name, "--data", str(market_db), "--out", str(tmp_path / f"dir-{name}")
        )
        db_bytes = (tmp_path / f"db-{name}").read_bytes()
        assert db_bytes == (tmp_path / f"dir-{name}").read_bytes(), name
