"""The search index: written by the data's writes in their transaction, read-only when searching,
and ranked the same on SQLite and on PostgreSQL (this file runs on both: DATABASE_URL)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from mercwatch.site import search
from mercwatch.store.current import current_snapshot
from mercwatch.store.sync import load
from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.models import Actor

pytestmark = pytest.mark.django_db


def indexed(kind: str, ref: str) -> tuple[str, list[str]] | None:
    """Give the title and the words the index holds for one document, read from its tables."""
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT id, title FROM {search.DOCUMENTS} WHERE kind = %s AND ref = %s", [kind, ref]
        )
        row = cur.fetchone()
        if row is None:
            return None
        cur.execute(f"SELECT term FROM {search.TERMS} WHERE document = %s ORDER BY term", [row[0]])
        return row[1], [term for (term,) in cur.fetchall()]


def rename_vendor(mini_dir: Path, name: str) -> None:
    path = mini_dir / "actors" / "vendors" / "vendor-one.yaml"
    path.write_text(path.read_text().replace("name: Vendor One", f"name: {name}"))


def test_mercwatch_load_builds_the_search_index_before_the_first_search(mini_dir):
    from django.core.management import call_command

    call_command("load", str(mini_dir), stdout=io.StringIO())
    found = indexed("measure", "us-entity-list-2021")
    assert found is not None
    assert {"entity", "list"} <= set(found[1])


def document_ids() -> dict[tuple[str, str], int]:
    with connection.cursor() as cur:
        cur.execute(f"SELECT kind, ref, id FROM {search.DOCUMENTS}")
        return {(kind, ref): pk for kind, ref, pk in cur.fetchall()}


def test_a_write_updates_the_index_in_its_transaction_and_only_what_changed(mini_dir):
    with transaction.atomic():
        load(check_dir(mini_dir).snapshot, reason="test")
    assert indexed("actor", "vendor-one") == ("Vendor One", ["one", "vendor"])
    before = document_ids()
    rename_vendor(mini_dir, "Vendor Prime")
    with transaction.atomic():
        load(check_dir(mini_dir).snapshot, reason="test")
    assert indexed("actor", "vendor-one") == ("Vendor Prime", ["one", "prime", "vendor"])
    after = document_ids()
    assert after.keys() == before.keys()
    rewritten = {key for key, pk in after.items() if before[key] != pk}
    assert rewritten == {("actor", "vendor-one")}
    assert search.update(current_snapshot()) == search.Updated(written=0, removed=0)


def test_a_write_that_fails_after_its_writes_leaves_data_and_index_as_they_were(client, mini_dir):
    load(check_dir(mini_dir).snapshot, reason="test")
    rename_vendor(mini_dir, "Vendor Prime")

    def load_then_fail() -> None:
        with transaction.atomic():
            load(check_dir(mini_dir).snapshot, reason="test")
            assert indexed("actor", "vendor-one") == ("Vendor Prime", ["one", "prime", "vendor"])
            raise RuntimeError("after the writes")

    with pytest.raises(RuntimeError, match="after the writes"):
        load_then_fail()
    assert Actor.objects.get(id="vendor-one").name == "Vendor One"
    assert indexed("actor", "vendor-one") == ("Vendor One", ["one", "vendor"])
    assert client.get("/search.json", {"q": "prime"}).json()["results"] == []
    found = client.get("/search.json", {"q": "vendor one"}).json()["results"]
    assert (found[0]["ref"], found[0]["title"]) == ("vendor-one", "Vendor One")


@contextlib.contextmanager
def read_only() -> Iterator[None]:
    """Refuse every write on the test's connection: on PostgreSQL a read-only transaction (a
    savepoint of the test's, which is read-write again once it is left), on SQLite `query_only`."""
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            with transaction.atomic():
                cur.execute("SET TRANSACTION READ ONLY")
                yield
            return
        cur.execute("PRAGMA query_only = ON")
        try:
            yield
        finally:
            cur.execute("PRAGMA query_only = OFF")


def test_searching_works_on_a_read_only_database(client, bundled_db):
    with read_only():
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
            cur.execute(f"DELETE FROM {search.TERMS}")
        found = client.get("/search.json", {"q": "Pegasus"}).json()
        assert found["results"][0]["ref"] == "pegasus"
        assert client.get("/search/", {"q": "Pegsus"}).status_code == 200
        assert client.get("/search/page/2/", {"q": "spyware"}).status_code == 200


# Recorded from a run on the bundled data, the same on SQLite and on PostgreSQL: how many
# documents match, and the first five, best first.
TOP = {
    "NSO": (
        34,
        [
            ("actor", "nso-group"),
            ("actor", "francisco-partners"),
            ("actor", "nemesis"),
            ("actor", "novalpina-capital"),
            ("actor", "q-cyber-technologies"),
        ],
    ),
    "Pegasus": (
        75,
        [
            ("product", "pegasus"),
            ("actor", "michal-wos"),
            ("actor", "nso-group"),
            ("measure", "hu-naih-pegasus-investigation-2022"),
            ("measure", "th-pegasus-parliament-acknowledgement-2022"),
        ],
    ),
    "Intellexa": (
        32,
        [
            ("actor", "intellexa-consortium"),
            ("actor", "intellexa-sa"),
            ("actor", "intellexa-limited"),
            ("actor", "andrea-gambazzi"),
            ("actor", "artemis-artemiou"),
        ],
    ),
    "Entity List": (
        15,
        [
            ("measure", "us-entity-list-2021-11"),
            ("measure", "us-entity-list-2024-02-sandvine"),
            ("measure", "us-entity-list-2023-07"),
            ("measure", "sandvine-corporate-reforms-2024"),
            ("measure", "lu-nso-export-control-letters-2021"),
        ],
    ),
    "France": (
        8,
        [
            ("actor", "FR"),
            ("measure", "it-copasir-paragon-findings-2025"),
            ("measure", "fr-amesys-nexa-indictments-2021-06"),
            ("measure", "fr-paris-prosecutor-pegasus-probe-2021"),
            ("source", "theweek-paris-pegasus-probe-2021"),
        ],
    ),
}


@pytest.mark.parametrize("query", list(TOP))
def test_the_bundled_data_ranks_the_same_on_both_databases(client, bundled_db, query):
    answer = client.get("/search.json", {"q": query}).json()
    top = [(r["kind"], r["ref"]) for r in answer["results"][:5]]
    assert (answer["total"], top) == TOP[query]
