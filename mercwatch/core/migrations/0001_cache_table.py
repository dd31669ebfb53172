"""The table of the database cache (settings.CACHES without REDIS_URL), made by `migrate`, so
that a fresh checkout needs no `createcachetable`. Made whatever CACHES says at the time, so
that turning Redis off later finds the table there."""

from django.conf import settings
from django.core.management.commands.createcachetable import Command
from django.db import migrations


def create(apps, schema_editor):
    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, settings.CACHE_TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(settings.CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(create, drop)]
