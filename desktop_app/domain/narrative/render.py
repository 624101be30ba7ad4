"""The small template language of the narrative parts.

A part is a list of entries. `Line` is one paragraph; `Each` is one paragraph per item of a list
of facts (or all items joined in one paragraph). A template names facts in braces. An entry is
written only when every fact it names is there and not zero or empty, and every fact in `when`
is true: a sentence without its figure is never printed, so no sentence is empty of content.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field

from ..numbers import fmt_date, fmt_int, fmt_num


@dataclass(frozen=True)
class Line:
    template: str | tuple[str, ...]  # alternatives: the first whose facts are all there is written
    when: tuple[str, ...] = ()
    topic: str = "general"


@dataclass(frozen=True)
class Each:
    items: str  # name of a list fact; each item is a dict of facts
    template: str | tuple[str, ...]  # per item (alternatives as for Line); may name the report's facts
    when: tuple[str, ...] = ()
    topic: str = "general"
    head: str = ""  # written once before the items (with the report's facts)
    sep: str = "\n"  # "\n": one paragraph per item
    tail: str = ""  # written once after the items (with the report's facts)
    # nested lists inside an item: fact name -> (template per sub-item, separator)
    nested: dict[str, tuple[str | tuple[str, ...], str]] = field(default_factory=dict)


def fields(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def templates(template: str | tuple[str, ...]) -> tuple[str, ...]:
    return (template,) if isinstance(template, str) else tuple(template)


def _shown(value) -> str:
    """A fact as it is printed: 1.234; 26,05; 05/12/2025."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return fmt_int(value)
    if isinstance(value, float):
        return fmt_num(value)
    if isinstance(value, dt.date):
        return fmt_date(value)
    return str(value)


def _fill(template: str | tuple[str, ...], facts: dict) -> str | None:
    """The first template whose facts are all there (not missing, zero or empty), filled in."""
    if not isinstance(template, str):
        return next((t for t in (_fill(t, facts) for t in template) if t is not None), None)
    values = {}
    for name in fields(template):
        v = facts.get(name)
        if v is None or v == 0 or v == "" or v == [] or v is False:
            return None
        values[name] = _shown(v)
    return template.format(**values)


def _ready(entry, facts: dict) -> bool:
    return all(facts.get(name) for name in entry.when)


def render(entries, facts: dict, topics: set[str]) -> str | None:
    """The part's text (paragraphs separated by new lines), or None when nothing can be said."""
    out: list[str] = []
    for entry in entries:
        if entry.topic not in topics or not _ready(entry, facts):
            continue
        if isinstance(entry, Line):
            text = _fill(entry.template, facts)
            if text:
                out.append(text)
            continue
        items = []
        for item in facts.get(entry.items) or []:
            scope = {**facts, **item}
            for name, (sub_template, sub_sep) in entry.nested.items():
                subs = [_fill(sub_template, {**scope, **sub}) for sub in item.get(name) or []]
                scope[name] = sub_sep.join(s for s in subs if s)
            text = _fill(entry.template, scope)
            if text:
                items.append(text)
        if not items:
            continue
        head = _fill(entry.head, facts) if entry.head else ""
        tail = _fill(entry.tail, facts) if entry.tail else ""
        if head is None or tail is None:
            continue
        if entry.sep == "\n":
            if head:
                out.append(head)
            out.extend(items)
            if tail:
                out.append(tail)
        else:
            out.append(head + entry.sep.join(items) + tail)
    return "\n".join(out) or None
