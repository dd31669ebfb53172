"""A read request answers from one data version (store/current.py `one_version`)."""

from __future__ import annotations

import pytest
from django.test import Client

from mercwatch.store import current
from mercwatch.store.models import DataVersion
from mercwatch.store.writes import bump

pytestmark = pytest.mark.django_db


def test_inside_one_version_the_version_is_read_once_and_kept(django_assert_num_queries):
    first = bump()
    with current.one_version():
        with django_assert_num_queries(1):
            seen = [current.data_version() for _ in range(3)]
        # another process's write lands meanwhile: this read keeps the version it began with
        DataVersion.objects.filter(id=1).update(counter=first.counter + 5, stamp="elsewhere")
        assert current.data_version() == seen[0] == (first.counter, first.stamp)
    assert current.data_version() == (first.counter + 5, "elsewhere")


def test_a_write_inside_lets_go_of_the_version_it_moved_on():
    bump()
    with current.one_version():
        before = current.data_version()
        after = bump()
        assert current.data_version() == (after.counter, after.stamp) != before


def test_outside_every_ask_reads_the_database(django_assert_num_queries):
    bump()
    with django_assert_num_queries(2):
        current.data_version()
        current.data_version()


def test_a_page_asks_for_the_data_version_once(mini_db, django_assert_max_num_queries):
    client = Client()
    client.get("/methodology/")  # the snapshot read once, before counting
    with django_assert_max_num_queries(1) as queries:
        assert client.get("/methodology/").status_code == 200
    asked = [q["sql"] for q in queries.captured_queries if "counter" in q["sql"]]
    assert len(asked) == 1
