"""The relationship graph of a market actor, laid out on the server for an SVG drawn by a
template (no script, no third-party asset): the actor in the middle, each actor tied to it on an
ellipse around it, each edge labelled with what the middle actor is to it.

Bounded: at most NODES_SHOWN actors are drawn (the most tied first, then by name); the page's list
beside the drawing names every tie, and the drawing says how many it left out.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mercwatch.market.services import Tie, designations_of, ties_of
from mercwatch.site.services.links import actor_url
from mercwatch.tracker.snapshot import Snapshot

NODES_SHOWN = 12
WIDTH, HEIGHT = 800, 440
CX, CY = WIDTH // 2, HEIGHT // 2
RX, RY = 230, 150
LINE_CHARS = 18  # a label's line; two lines at most, the rest cut with "…"
CHAR, LINE = 8, 15  # a 14 px label's character (generously) and line, in the layout's units
MARGIN = 8
WIDE = 480  # wider than this, a phone shows the drawing in a box of its own that scrolls

# What the middle actor is to the other end, short enough to sit on an edge: (as the tie's
# subject, as its object).
EDGE_LABELS: dict[str, tuple[Promise, Promise]] = {
    "subsidiary": (_("subsidiary of"), _("parent of")),
    "owner": (_("owner of"), _("owned by")),
    "part-of": (_("part of"), _("includes")),
    "successor": (_("successor of"), _("predecessor of")),
    "member": (_("member of"), _("has member")),
    "founder": (_("founder of"), _("founded by")),
    "executive": (_("executive of"), _("led in part by")),
    "customer": (_("customer of"), _("supplier of")),
}


@dataclass(frozen=True)
class Node:
    actor: str
    name: str
    url: str
    lines: tuple[str, ...]
    x: int
    y: int
    label_x: int
    label_y: int
    anchor: str  # the label's text-anchor: start, middle or end
    designated: bool  # designated (its own designation) on the day drawn


@dataclass(frozen=True)
class Edge:
    to: Node
    label: str
    x: int  # where the label sits
    y: int
    ended: bool  # every tie it stands for has ended


@dataclass(frozen=True)
class Graph:
    centre: Node
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    left_out: int

    @property
    def box(self) -> tuple[int, int, int, int]:
        """Give the part of the layout the drawing shows (x, y, width, height): every node
        and label, with a margin, so that a graph of few ties is drawn small."""
        boxes = [label_box(n) for n in (self.centre, *self.nodes)]
        boxes += [(n.x - 10, n.y - 10, n.x + 10, n.y + 10) for n in (self.centre, *self.nodes)]
        boxes += [
            (e.x - len(e.label) * 4, e.y - 12, e.x + len(e.label) * 4, e.y + 4) for e in self.edges
        ]
        left = max(0, min(b[0] for b in boxes) - MARGIN)
        top = max(0, min(b[1] for b in boxes) - MARGIN)
        right = min(WIDTH, max(b[2] for b in boxes) + MARGIN)
        bottom = min(HEIGHT, max(b[3] for b in boxes) + MARGIN)
        return round(left), round(top), round(right - left), round(bottom - top)

    @property
    def wide(self) -> bool:
        """Tell whether the drawing is too wide to shrink to a phone's width and stay legible."""
        return self.box[2] > WIDE


def label_box(n: Node) -> tuple[float, float, float, float]:
    """Give the extent of a node's label (left, top, right, bottom), at a generous width of
    CHAR units a character."""
    width = max(len(line) for line in n.lines) * CHAR
    left = {"start": n.label_x, "end": n.label_x - width, "middle": n.label_x - width / 2}[n.anchor]
    top = n.label_y - 12
    return left, top, left + width, top + LINE * len(n.lines)


def lines_of(name: str, width: int = LINE_CHARS) -> tuple[str, ...]:
    """Give a name in at most two lines of about `width` characters, broken between words (a
    word longer than a line is cut), the rest left out with "…"."""
    words = name.split()
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    lines = [line if len(line) <= width else line[: width - 1] + "…" for line in lines]
    if len(lines) > 2:
        lines = [lines[0], lines[1].rstrip("…")[: width - 1] + "…"]
    return tuple(lines)


def _label(tie: Tie, actor: str) -> str:
    forward, reverse = EDGE_LABELS[tie.kind]
    return str(forward if tie.subject == actor else reverse)


def _ended(tie: Tie, today: dt.date) -> bool:
    return tie.until is not None and tie.until.first_day() <= today


def _designated(data: Snapshot, actor: str, today: dt.date) -> bool:
    return any(d.via is None for d in designations_of(data, actor, on=today))


def graph_of(data: Snapshot, actor: str, today: dt.date) -> Graph | None:
    """Give the layout of `actor`'s ties (None when it has none)."""
    by_other: dict[str, list[Tie]] = {}
    for tie in ties_of(data, actor):
        by_other.setdefault(tie.other(actor), []).append(tie)
    if not by_other:
        return None
    ranked = sorted(by_other, key=lambda a: (-len(by_other[a]), data.actors[a].name.casefold()))
    shown = ranked[:NODES_SHOWN]
    me = data.actors[actor]
    centre = Node(
        actor,
        me.name,
        actor_url(actor, me.kind),
        lines_of(me.name),
        CX,
        CY,
        CX,
        CY + 34,
        "middle",
        _designated(data, actor, today),
    )
    nodes, edges = [], []
    step = 2 * math.pi / len(shown)
    for i, other in enumerate(shown):
        # From the top, clockwise; half a step off the vertical so that no label sits on the
        # centre's, and the top and bottom labels stand apart.
        angle = -math.pi / 2 + step * (i + 0.5) if len(shown) > 1 else 0.0
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = CX + RX * cos, CY + RY * sin
        if cos > 0.1:
            anchor, lx, ly = "start", x + 14, y + 4
        elif cos < -0.1:
            anchor, lx, ly = "end", x - 14, y + 4
        else:
            anchor, lx, ly = "middle", x, (y - 16 if sin < 0 else y + 24)
        them = data.actors[other]
        lines = lines_of(them.name)
        if anchor == "middle" and sin < 0 and len(lines) > 1:
            ly -= 15  # two lines above a node end just above it
        node = Node(
            other,
            them.name,
            actor_url(other, them.kind),
            lines,
            round(x),
            round(y),
            round(lx),
            round(ly),
            anchor,
            _designated(data, other, today),
        )
        nodes.append(node)
        ties = by_other[other]
        along = 0.45 if i % 2 else 0.65  # neighbouring edges' labels at different distances
        label = ", ".join(dict.fromkeys(_label(t, actor) for t in ties))
        edges.append(
            Edge(
                node,
                label,
                round(CX + RX * cos * along),
                round(CY + RY * sin * along + 4),
                all(_ended(t, today) for t in ties),
            )
        )
    return Graph(centre, tuple(nodes), tuple(edges), len(ranked) - len(shown))
