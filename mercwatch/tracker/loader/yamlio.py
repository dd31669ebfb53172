"""YAML reading with line numbers, and the canonical YAML writing of data files.

Reading keeps every scalar that is not a plain number, `true`/`false` or `null` as text, so
`2023-03-18` stays a date string and `NO` stays Norway. Mappings remember the line of each key,
sequences the line of each item, so an error can name the line it is about. Anchors and aliases
are refused, and so is nesting deeper than `limits.NESTING`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mercwatch.tracker import limits

# libyaml's composer when PyYAML was built with it (same nodes and line marks, ~10× faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict[str, Any]):
    """A mapping read from YAML, with the line of the mapping and of each key."""

    line: int
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence read from YAML, with the line of the sequence and of each item."""

    line: int
    item_lines: list[int]


class YamlError(ValueError):
    """A YAML file that cannot be read, with the line at fault (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


_TOO_DEEP = f"nested too deep: at most {limits.NESTING} levels of mappings and lists"
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    if node.style:  # quoted or block: always text (plain is None, or "" from libyaml)
        return value
    if value in {"", "~", "null", "Null", "NULL"}:
        return None
    if value in {"true", "True", "TRUE"}:
        return True
    if value in {"false", "False", "FALSE"}:
        return False
    if _INT.match(value):
        try:
            return int(value)
        except ValueError:  # past Python's limit of digits for a conversion
            digits = f"{len(value.lstrip('+-')):,}"
            raise YamlError(node.start_mark.line + 1, f"number too long: {digits} digits") from None
    if _FLOAT.match(value):
        return float(value)
    return value


def _build(node: Node) -> Any:
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        items = LineList(_build(child) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items
    if isinstance(node, MappingNode):
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise YamlError(key_node.start_mark.line + 1, "a key must be plain text")
            key = str(key_node.value)
            if key in mapping:
                raise YamlError(
                    key_node.start_mark.line + 1,
                    f"duplicate key {key!r} (first on line {mapping.key_lines[key]})",
                )
            mapping[key] = _build(value_node)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping
    raise YamlError(node.start_mark.line + 1, f"unsupported YAML node {node.tag}")


def read_yaml(text: str) -> Any:
    """Give the document in `text` as LineDict / LineList / scalars; raise YamlError."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise YamlError(line, f"invalid YAML: {exc.problem or exc}") from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a control one)
        line = text.count("\n", 0, exc.position) + 1
        raise YamlError(
            line, f"invalid YAML: {exc.reason} (character #x{exc.character:04x})"
        ) from exc
    except RecursionError:  # PyYAML's pure-Python composer; libyaml stops at 1,000 levels
        raise YamlError(1, _TOO_DEEP) from None
    if len(nodes) != 1:
        raise YamlError(1, f"expected one YAML document, found {len(nodes)}")
    _check_nodes(nodes[0], set(), 1)
    return _build(nodes[0])


def _check_nodes(node: Node, seen: set[int], depth: int) -> None:
    """Raise on a node reached twice, or on nesting deeper than `limits.NESTING`.

    A node reached twice is an alias (`*name`): it hides what a reviewer reads, and a few of them
    expand to an exponential document.
    """
    if id(node) in seen:
        raise YamlError(node.start_mark.line + 1, "anchors and aliases are not allowed")
    seen.add(id(node))
    if isinstance(node, SequenceNode | MappingNode) and depth > limits.NESTING:
        raise YamlError(node.start_mark.line + 1, _TOO_DEEP)
    if isinstance(node, SequenceNode):
        for child in node.value:
            _check_nodes(child, seen, depth + 1)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            _check_nodes(key, seen, depth + 1)
            _check_nodes(value, seen, depth + 1)


def line_of(document: Any, loc: tuple[str | int, ...]) -> int:
    """Give the line of the deepest part of `loc` present in `document`."""
    line = getattr(document, "line", 1)
    current = document
    for part in loc:
        if isinstance(current, LineDict) and isinstance(part, str) and part in current:
            line = current.key_lines[part]
            current = current[part]
        elif isinstance(current, LineList) and isinstance(part, int) and part < len(current):
            line = current.item_lines[part]
            current = current[part]
        else:
            break
        line = getattr(current, "line", line) if isinstance(current, LineDict) else line
    return line


class _Dumper(yaml.SafeDumper):
    """The canonical writer: block style, keys in the order given, sequences indented."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the same object twice is written twice: data files have no anchors


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_presenter)


def write_yaml(data: Any) -> str:
    """Give the canonical YAML text of `data` (the form `mercwatch dump` writes)."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
