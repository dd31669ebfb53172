"""Every user-facing string of a template is marked for translation, so that French can follow
without rewriting templates: take from each template under mercwatch/ (site, API, exports) its
comments, its `{% translate %}` and `{% blocktranslate %}…{% endblocktranslate %}` blocks, every
other tag and variable, the contents of `<script>` and `<style>` and the HTML tags themselves,
keeping the attribute values people read; what is left holds no letters, but for the few words
of EXCEPTIONS. And no literal string of a tag is shown untranslated: a `default:` fallback, a
`{% with %}` or `{% include … with %}` value, a `{% firstof %}` fallback (`_("…")` marks one)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "mercwatch"

# Words left as they are in every language, each with why.
EXCEPTIONS = {
    # The project's name, a brand: it is the same in every language.
    "mercwatch",
    # The name of a hash algorithm (the downloads' digest column), a standard's name.
    "SHA-256",
    # The HTTP method of each API operation, in code on the API docs: what a client sends.
    "GET",
}
EXCEPTION = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(EXCEPTIONS))) + r")(?![\w-])"
)

# What is taken out before the HTML is read. Each is replaced by its newlines (so that the line
# numbers stay right) and a space (so that words on either side stay apart).
COMMENTS = re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}|{#.*?#}|<!--.*?-->", re.S)
BLOCKS = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", re.S
)  # with their {% plural %} part
TAGS = re.compile(r"{%.*?%}|{{.*?}}", re.S)

# Attributes whose values people read (or hear): tooltips, text alternatives, accessible
# names, hints, and the labels the style sheets show (`content: attr(data-label)`).
READ = {"title", "alt", "aria-label", "aria-description", "aria-roledescription",
        "aria-valuetext", "placeholder", "label", "data-label"}  # fmt: skip
BUTTON_INPUTS = {"submit", "button", "reset"}  # an input of these types shows its `value`
UNSEEN = {"script", "style"}

# Literal strings inside tags that reach the page as they are.
DEFAULT = re.compile(r"""\|default(?:_if_none)?:(["'])(.*?)\1""")
WITH = re.compile(r"{%\s*(?:with|include)\b(.*?)%}", re.S)
KEYWORD = re.compile(r"""\b\w+=(["'])(.*?)\1""")
FIRSTOF = re.compile(r"{%\s*firstof\b(.*?)%}", re.S)
LITERAL = re.compile(r"""(?<![\w(])(["'])(.*?)\1""")


def _blank(match: re.Match[str]) -> str:
    return " " + "\n" * match.group().count("\n")


class _Left(HTMLParser):
    """Collect the text nodes and read attribute values that hold letters, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.unseen = 0
        self.found: list[tuple[int, str]] = []

    def _keep(self, text: str) -> None:
        if any(c.isalpha() for c in EXCEPTION.sub(" ", text)):
            self.found.append((self.getpos()[0], " ".join(text.split())))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value and name in READ:
                self._keep(value)
        if tag == "input" and (values.get("type") or "").lower() in BUTTON_INPUTS:
            self._keep(values.get("value") or "")
        if tag in UNSEEN:
            self.unseen += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in UNSEEN:
            self.unseen -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in UNSEEN and self.unseen:
            self.unseen -= 1

    def handle_data(self, data: str) -> None:
        if not self.unseen:
            self._keep(data)


def untranslated(source: str) -> list[tuple[int, str]]:
    """Give each string of the template `source` that is shown without being marked for
    translation, with its line: text, read attributes, and literals that tags show."""
    source = COMMENTS.sub(_blank, source)
    literals = list(DEFAULT.finditer(source))
    for tag in WITH.finditer(source):
        literals += list(KEYWORD.finditer(source, tag.start(1), tag.end(1)))
    for tag in FIRSTOF.finditer(source):
        literals += list(LITERAL.finditer(source, tag.start(1), tag.end(1)))
    found = [
        (source.count("\n", 0, m.start()) + 1, m.group(2))
        for m in literals
        if any(c.isalpha() for c in EXCEPTION.sub(" ", m.group(2)))
    ]
    parser = _Left()
    parser.feed(TAGS.sub(_blank, BLOCKS.sub(_blank, source)))
    parser.close()
    return sorted(found + parser.found)


def _templates() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if "templates" in p.parts and p.is_file())


def test_every_string_of_every_template_is_marked_for_translation():
    templates = _templates()
    assert {p.relative_to(PACKAGE).parts[0] for p in templates} >= {"site", "api", "exports"}
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text}"
        for path in templates
        for line, text in untranslated(path.read_text(encoding="utf-8"))
    ]
    assert found == [], f"{len(found)} strings not marked for translation:\n" + "\n".join(found)


def test_the_check_finds_what_is_left_and_only_that():
    source = """{% load i18n %}{# a note #}{% comment %}Old text{% endcomment %}<!-- a note -->
<h1>{% translate "Sources" %}</h1><p>{% blocktranslate count n=total %}{{ n }} source
{% plural %}{{ n }} sources{% endblocktranslate %} – {{ name }}</p>
<script>let shown = "a script";</script><style>p::before { content: "a rule"; }</style>
<a href="/x/" class="url" title="{% translate 'More' %}" aria-label="{{ label }}">mercwatch</a>
<p>Cited by</p>
<nav aria-label="Pages"><input type="submit" value="Send"><input type="text" value="typed">
<img alt="A map" src="map.svg"><button name="go" value="go">{% translate "Go" %}</button></nav>
<td data-label="Size">SHA-256 {{ size|default:"not recorded" }} {{ t|default:_("untitled") }}</td>
{% with pager_label="Pages of measures" p=provision %}{% include "x.html" with a="b c" %}
{% endwith %}{% firstof title publisher "Untitled source" %}{% firstof a _("none") %}"""
    assert untranslated(source) == [
        (6, "Cited by"),
        (7, "Pages"),
        (7, "Send"),
        (8, "A map"),
        (9, "Size"),
        (9, "not recorded"),
        (10, "Pages of measures"),
        (10, "b c"),
        (11, "Untitled source"),
    ]
