"""Size limits of the data: one file, the nesting of its YAML, and each kind of text field.

Plain constants, so that the loader's schemas and any other way in (the admin, a write path)
refuse the same values. docs/data.md gives each limit and why.

The limits of short text (IDs, codes, names, titles) are the sizes of the database columns the
values are stored in: a longer value would pass the check and then fail when written. Prose is
stored as unbounded text, so its limit is a choice: about twelve times the longest bundled value.
"""

from __future__ import annotations

# One data file, in bytes, checked from its size before it is read. The largest bundled file is
# 36 KB; `mercwatch synthesize` (100 times the bundled data, for benchmarks) writes one of 3.5 MB.
FILE_BYTES = 4 * 1024 * 1024

# Mappings and lists inside one another; the bundled files go 7 deep.
NESTING = 32

# Text fields, in characters.
ID = 100  # source, measure and product IDs, and the source a citation names
CODE = 64  # framework and edition IDs, provision codes
LEVEL = 32  # level codes
ROLE = 40  # a member's role, a product's kind
NUMBER = 16  # a provision's number ("5", "4.3")
NAME = 300  # names and titles of frameworks, provisions, actors, aliases and measures
SHORT_NAME = 200  # product names, edition titles, publishers, locators
SHORT_TITLE = 100  # a framework's short title
SOURCE_TITLE = 500  # a source's title (articles and reports have long ones)
URL = 700  # a source's URL and its archived copy
FRAMEWORK_URL = 500  # a framework's URL
PROSE = 20_000  # descriptions, summaries, notes, rationales, excerpts, a provision's text
