"""The search index's two tables (mercwatch/site/search.py says why they look like this): one row
per document, and one row per word of a document, looked up by prefix."""

from django.db import migrations

# Before this migration, searching created these itself (an FTS5 table or a tsvector column, and a
# table of the data version they were built from): gone, the index is now written with the data.
OLDER = ("site_search", "site_search_meta")


def create(apps, schema_editor):
    # A prefix is a range of words (`nso` <= word < `nsp`) only if words compare code point by
    # code point, as SQLite's default collation (BINARY) does; PostgreSQL's "C" collation does too.
    binary = ' COLLATE "C"' if schema_editor.connection.vendor == "postgresql" else ""
    for table in OLDER:
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")
    schema_editor.execute(
        "CREATE TABLE site_search_document (id integer PRIMARY KEY, kind text NOT NULL,"
        " ref text NOT NULL, title text NOT NULL, names text NOT NULL, body text NOT NULL,"
        " url text NOT NULL, country text NOT NULL, UNIQUE (kind, ref))"
    )
    schema_editor.execute(
        f"CREATE TABLE site_search_term (term text{binary} NOT NULL,"
        " document integer NOT NULL REFERENCES site_search_document (id),"
        " PRIMARY KEY (term, document))"
    )
    schema_editor.execute("CREATE INDEX site_search_term_document ON site_search_term (document)")


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE site_search_term")
    schema_editor.execute("DROP TABLE site_search_document")


class Migration(migrations.Migration):
    initial = True
    dependencies: list[tuple[str, str]] = []
    operations = [migrations.RunPython(create, drop)]
