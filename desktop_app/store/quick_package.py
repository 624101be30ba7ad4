"""The common path of checking a package: one pass over its activities that normalises them and
decides whether they are all valid, in place of three generic passes (the normalising walk, the
compiled schema check and the rule checks), which a province pays on 45,000 activities at once.

It only ever says yes or "look closer": anything it is not sure of (a wrong type, an odd value,
a broken rule, a field it does not know) sends the whole package to the thorough checks, which
decide again and explain every problem. So it may be stricter than the schema, never looser;
tests/test_quick_package.py holds it to that against the thorough checks on generated packages.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
import re
import unicodedata

from ..domain import rules
from ..domain.numbers import MAX_ABS_NUMBER
from ..domain.text import TooDeep, normalize_tree, storable_text
from .package_rules import MAX_DEPTH, _schema, package_errors

_CODE = re.compile(r"[A-Za-z0-9_.-]{1,32}").fullmatch  # the schema's $defs/code
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch  # the schema's $defs/date


# The activity fields checked below, one by one, in the order the column check reads them. A
# field the schema gains later is not among them, so an activity that has it takes the thorough
# path until it is added here.
_ORDER = ("id", "title", "type", "start", "end", "location", "organizer", "partners", "task",
          "participants_total", "participants_female", "participants_male", "participants_ethnic_minority",
          "outputs", "budget_vnd", "budget_source", "notes")
_HANDLED = frozenset(_ORDER)
_OUT_ORDER = ("leaflets", "posters_banners", "articles", "broadcasts", "other")


def _from_schema():
    s = _schema()
    props = s["$defs"]["activity"]["properties"]
    return (frozenset(s["properties"]), frozenset(s["$defs"]["plan"]["properties"]), _HANDLED & frozenset(props),
            frozenset(props["outputs"]["properties"]), frozenset(props["type"]["enum"]),
            frozenset(props["budget_source"]["enum"]))


_PACKAGE_KEYS, _PLAN_KEYS, _KEYS, _OUTPUT_KEYS, _TYPES, _SOURCES = _from_schema()
_OUTPUT_COUNTS = _OUT_ORDER[:4]
_ZERO_OR_MORE_OR_NONE = ("participants_female", "participants_male", "participants_ethnic_minority", "budget_vnd")


def quick_check(data) -> dict | None:
    """The normalised package when it is certainly valid, else None (use the thorough checks)."""
    # Keys exactly as the schema spells them: no two keys can become one when normalised.
    if type(data) is not dict or not _PACKAGE_KEYS.issuperset(data) or type(data.get("plans")) is not list:
        return None
    plans = data["plans"]
    if not all(type(p) is dict and _PLAN_KEYS.issuperset(p) for p in plans):
        return None
    # Everything but the activities: small, so the generic checks are cheap there.
    rest = {**data, "plans": [{k: v for k, v in p.items() if k != "activities"} for p in plans]}
    odd = [False]
    try:
        rest = normalize_tree(rest, limit=MAX_DEPTH, odd=odd)
    except TooDeep:
        return None
    if odd[0] or package_errors(rest, values_seen_fine=True):
        return None
    units = {u["code"] for u in rest.get("units") or []}
    seen_ids: set[str] = set()
    for raw, plan in zip(plans, rest["plans"]):
        if "activities" not in raw:
            continue
        tasks = {t["code"] for t in plan.get("tasks") or []}
        acts = raw["activities"]
        if not _clean_as_is(acts, plan["year"], units, tasks, seen_ids):
            acts = _activities(acts, plan["year"], units, tasks, seen_ids)
        if acts is None:
            return None
        plan["activities"] = acts
    return rest


class _Missing:
    """A field the activity leaves out (allowed for every field but title, type and start)."""


MISSING = _Missing()
_ROW = operator.itemgetter(*_ORDER)
_MISSINGS = (MISSING,) * len(_ORDER)
_OUT_MISSINGS = (MISSING,) * len(_OUT_ORDER)
_OUT_ROW = operator.itemgetter(*_OUT_ORDER)
_OUT_KEYS = frozenset(_OUT_ORDER) & _OUTPUT_KEYS  # an output the schema gains later: the loop's to check
_M, _NONE = _Missing, type(None)
_STR = {str}
_TEXT_OR_NONE, _COUNT, _COUNT_OR_NONE = {str, _NONE, _M}, {int, _M}, {int, _NONE, _M}
# The JSON types each field may hold (its content is checked below): required ones only theirs.
_COLUMN_TYPES = (_TEXT_OR_NONE, _STR, _STR, _STR, _TEXT_OR_NONE, _TEXT_OR_NONE, _TEXT_OR_NONE, {list, _M},
                 _TEXT_OR_NONE, _COUNT, _COUNT_OR_NONE, _COUNT_OR_NONE, _COUNT_OR_NONE, {dict, _M}, _COUNT_OR_NONE,
                 _TEXT_OR_NONE, _TEXT_OR_NONE)
_OUT_TYPES = (_COUNT, _COUNT, _COUNT, _COUNT, _TEXT_OR_NONE)
_is_nfc = functools.partial(unicodedata.is_normalized, "NFC")


def _columns(dicts: list, order: tuple, missings: tuple, getter, keys: frozenset) -> list | None:
    """The dicts' values a field at a time (MISSING where a field is left out), or None when a
    dict has a field not in `keys`. One C call per dict when each has every field."""
    if all(d.keys() == keys for d in dicts):
        rows = map(getter, dicts)
    elif all(d.keys() <= keys for d in dicts):
        rows = [tuple(map(d.get, order, missings)) for d in dicts]
    else:
        return None
    return list(zip(*rows))


def _clean_as_is(acts, year: int, units: set, tasks: set, seen_ids: set) -> bool:
    """True when every activity is valid and already normalised, so that the list can be kept
    as it is: what the program's own export writes, and most packages written by hand. Checked
    a column at a time (a loop per field, not per field of each activity): a province has
    45,000 activities."""
    if type(acts) is not list or not acts or _KEYS != _HANDLED:
        return False
    if not all(type(a) is dict for a in acts):
        return False
    cols = _columns(acts, _ORDER, _MISSINGS, _ROW, _HANDLED)
    if cols is None or not all(set(map(type, col)) <= want for col, want in zip(cols, _COLUMN_TYPES)):
        return False
    (ids, titles, types, starts, ends, locations, organizers, partners, task_col, totals, females, males, ethnics,
     outputs, budgets, sources, notes) = cols
    outs = [o for o in outputs if o is not MISSING]
    out_cols = _columns(outs, _OUT_ORDER, _OUT_MISSINGS, _OUT_ROW, _OUT_KEYS) if outs else [()] * 5
    if out_cols is None or not all(set(map(type, col)) <= want for col, want in zip(out_cols, _OUT_TYPES)):
        return False
    texts = [v for col in (ids, titles, locations, notes, out_cols[4]) for v in col if type(v) is str and v]
    if not (all(map(_is_nfc, texts)) and all(map(str.isprintable, texts))
            and all(map(operator.eq, texts, map(str.strip, texts)))):
        return False
    counts = [v for col in (totals, females, males, ethnics, budgets, *out_cols[:4]) for v in col if type(v) is int]
    if counts and not (min(counts) >= 0 and max(counts) <= MAX_ABS_NUMBER):
        return False
    if not all(titles) or not set(types) <= _TYPES or not set(sources) - {MISSING} <= _SOURCES:
        return False
    # Unit and task codes were checked against the schema's pattern with the rest of the package.
    partner_codes = list(itertools.chain.from_iterable(p for p in partners if p is not MISSING))
    if not (set(organizers) - {None, MISSING} <= units and set(task_col) - {None, MISSING} <= tasks
            and set(map(type, partner_codes)) <= _STR and set(partner_codes) <= units):
        return False
    dated_ends = [e for e in ends if type(e) is str]
    dates = [*starts, *dated_ends]
    if not all(map(_DATE, dates)):
        return False
    try:
        list(map(dt.date.fromisoformat, dates))  # on the calendar
    except ValueError:
        return False
    # ISO dates compare as text: within the plan's year, and no end before its start.
    if min(starts) < f"{year}-01-01" or max(starts) > f"{year}-12-31":
        return False
    if dated_ends and any(type(e) is str and e < s for s, e in zip(starts, ends)):
        return False
    if any(rules.participant_errors(t, _none(f), _none(m), _none(e))
           for t, f, m, e in zip(totals, females, males, ethnics) if t is not MISSING):
        return False
    named = [i for i in ids if type(i) is str and i]
    if len(set(named)) != len(named) or not seen_ids.isdisjoint(named):
        return False
    seen_ids.update(named)
    return True


def _none(v):
    return None if v is MISSING else v


def _activities(acts, year: int, units: set, tasks: set, seen_ids: set) -> list | None:
    """The activities normalised, or None at the first thing that is not certainly valid."""
    if type(acts) is not list:
        return None
    keys, big, date = _KEYS, MAX_ABS_NUMBER, dt.date.fromisoformat
    out = []
    for a in acts:
        if type(a) is not dict or not keys.issuperset(a):
            return None
        n = {}
        for k, v in a.items():  # each value's type, and text normalised as the walk does
            t = type(v)
            if t is str:
                v = storable_text(v)
                if v is None:
                    return None
            elif t is int:
                if not 0 <= v <= big:
                    return None
            elif t is list:
                if k != "partners" or not all(type(c) is str and _CODE(c) and c in units for c in v):
                    return None
                v = list(v)
            elif t is dict:
                v = _outputs(v) if k == "outputs" else None
                if v is None:
                    return None
            elif v is not None:  # a float, a boolean: let the thorough checks say what they make of it
                return None
            n[k] = v
        # Each field against the schema and the rules (rules.py is their one home).
        title = n.get("title")
        if type(title) is not str or not title or n.get("type") not in _TYPES:
            return None
        s, e = n.get("start"), n.get("end")
        if type(s) is not str or not _DATE(s) or (e is not None and (type(e) is not str or not _DATE(e))):
            return None
        try:
            start, end = date(s), (date(e) if e is not None else None)
        except ValueError:
            return None
        if start.year != year or rules.date_order_error(start, end, "", ""):
            return None
        for k in ("id", "location", "notes"):
            if type(n.get(k, "")) not in (str, _NONE):
                return None
        organizer, task = n.get("organizer"), n.get("task")
        if organizer is not None and (type(organizer) is not str or not _CODE(organizer) or organizer not in units):
            return None
        if task is not None and (type(task) is not str or not _CODE(task) or task not in tasks):
            return None
        if type(n.get("partners", [])) is not list or type(n.get("outputs", {})) is not dict:
            return None
        total = n.get("participants_total")
        if "participants_total" in n and type(total) is not int:
            return None
        if any(type(n.get(k)) not in (int, _NONE) for k in _ZERO_OR_MORE_OR_NONE):
            return None
        if total is not None and rules.participant_errors(
                total, n.get("participants_female"), n.get("participants_male"),
                n.get("participants_ethnic_minority")):
            return None
        if n.get("budget_source") not in _SOURCES:
            return None
        aid = n.get("id")
        if aid:
            if aid in seen_ids:
                return None
            seen_ids.add(aid)
        out.append(n)
    return out


def _outputs(o: dict) -> dict | None:
    if not _OUTPUT_KEYS.issuperset(o):
        return None
    out = {}
    for k, v in o.items():
        if k in _OUTPUT_COUNTS:
            if type(v) is not int or not 0 <= v <= MAX_ABS_NUMBER:
                return None
        elif v is not None:  # "other": text or null
            if type(v) is not str:
                return None
            v = storable_text(v)
            if v is None:
                return None
        out[k] = v
    return out
