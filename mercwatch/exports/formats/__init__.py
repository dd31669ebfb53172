"""One module per export format; importing this package registers each of them once."""

from mercwatch.exports.formats import (  # noqa: F401
    csv_tables,
    datapackage,
    ftm,
    json_dump,
    sqlite,
    stix,
    xlsx,
)
