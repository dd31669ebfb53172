"""The text of an element of a page as a reader sees it: its text nodes, without scripts,
styles, templates and what the `hidden` attribute hides. The browser's `inner_text` on the same
HTML also leaves out what CSS hides; this keeps it in, which only makes a check on it stricter."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
UNSEEN = {"script", "style", "template"}


class _Text(HTMLParser):
    def __init__(self, tag: str, cls: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.cls = tag, cls
        self.stack: list[tuple[str, bool]] = []  # open elements inside a match: tag, unseen
        self.found: list[list[str]] = []  # the text of each match

    def _matches(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        classes = " ".join(v or "" for n, v in attrs if n == "class").split()
        return tag == self.tag and (self.cls is None or self.cls in classes)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        if not self.stack:
            if self._matches(tag, attrs):
                self.stack = [(tag, False)]
                self.found.append([])
            return
        unseen = tag in UNSEEN or any(name == "hidden" for name, _ in attrs)
        self.stack.append((tag, unseen or self.stack[-1][1]))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or tag in VOID or tag not in {name for name, _ in self.stack}:
            return
        while self.stack:  # close up to the matching tag, as a browser closes what was left open
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and not self.stack[-1][1]:
            self.found[-1].append(data)


def texts(html: str, tag: str = "main", cls: str | None = None) -> list[str]:
    """Give the text of each `tag` element (of class `cls`, if given) of `html`, each run of
    whitespace made a single space."""
    parser = _Text(tag, cls)
    parser.feed(html)
    parser.close()
    return [" ".join(" ".join(parts).split()) for parts in parser.found]
