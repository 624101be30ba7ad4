"""Checks on an exchange package: the JSON Schema plus the rules it cannot state.

Pure functions over the parsed JSON (no database): every problem is reported with the JSON path
of the record at fault, in Vietnamese, and a duplicate at its later occurrence.
"""

from __future__ import annotations

import datetime as dt
import functools
import json

from ..domain import rules
from ..domain.numbers import MAX_ABS_NUMBER, number_problem
from ..resources import resource

_TYPE_VN = {
    "string": "chuỗi ký tự", "integer": "số nguyên", "number": "số", "boolean": "true/false",
    "array": "danh sách", "object": "đối tượng", "null": "null",
}


@functools.lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads(resource("exchange.schema.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(_schema())


@functools.lru_cache(maxsize=1)
def _fast_check():
    """A compiled check (fastjsonschema): about 50 times faster, but it stops at the first
    error, so it only decides whether the thorough validator has anything to report."""
    import fastjsonschema

    return fastjsonschema.compile(_fast_schema(_schema()))


# Keywords that constrain only one JSON type (a null passes them untouched).
_TYPED_KEYWORDS = {"string": {"pattern", "minLength", "maxLength"},
                   "integer": {"minimum", "maximum"}, "number": {"minimum", "maximum"}}


def _fast_schema(schema: dict) -> dict:
    """The same schema, written so that fastjsonschema's code for it runs fast:

    - each `oneOf: [X, {type: null}]` becomes X's type or null when X is a plain typed value (a
      string with a pattern, a count with a minimum): the two accept exactly the same values,
      but a oneOf is checked by raising and catching an exception per branch;
    - every `$ref` to a definition is replaced by the definition itself (none is recursive): a
      referenced definition is a function call per value, with the value's name built as a
      string even when it is valid;
    - descriptions go (they are copied into every generated check).

    Only the quick yes/no check uses this; the messages come from the schema as written."""
    defs = schema.get("$defs", {})

    def target(node):
        """The definition a node only refers to (a description beside the $ref changes nothing)."""
        if not isinstance(node, dict):
            return None
        ref = node.get("$ref")
        keys = {k for k, v in node.items() if not (k == "description" and isinstance(v, str))}
        if keys == {"$ref"} and isinstance(ref, str) and ref.startswith("#/$defs/"):
            return ref.split("/")[-1]
        return None

    def plain(node):
        if target(node):
            node = defs.get(target(node))
        if not isinstance(node, dict) or not isinstance(node.get("type"), str):
            return None
        kind = node["type"]
        extra = set(node) - {"type", "description"}
        return node if kind in _TYPED_KEYWORDS and extra <= _TYPED_KEYWORDS[kind] else None

    def walk(node, seen=()):
        if isinstance(node, list):
            return [walk(v, seen) for v in node]
        if not isinstance(node, dict):
            return node
        name = target(node)
        if name is not None and name in defs and name not in seen:
            return walk(defs[name], seen + (name,))
        one = node.get("oneOf")
        if isinstance(one, list) and len(one) == 2 and one[1] == {"type": "null"}:
            x = plain(one[0])
            if x is not None:
                rest = {k: walk(v, seen) for k, v in node.items() if k != "oneOf"}
                return {**rest, **{k: v for k, v in x.items() if k != "description"}, "type": [x["type"], "null"]}
        return {k: walk(v, seen) for k, v in node.items()
                if k != "$defs" and not (k == "description" and isinstance(v, str))}

    out = walk(schema)
    if '"$ref"' in json.dumps(out):  # a reference left (a recursive definition): definitions stay
        out["$defs"] = {k: walk(v) for k, v in defs.items()}
    return out


def json_path(parts) -> str:
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out or "(gói dữ liệu)"


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _translate(error) -> tuple[str, str]:
    """A jsonschema error as (path, Vietnamese message)."""
    path = list(error.absolute_path)
    v = error.validator
    if v == "oneOf" and error.context:
        # "X or null": explain what was wrong against the non-null alternative.
        first = [e for e in error.context if e.schema_path and e.schema_path[0] == 0]
        if first:
            deepest = max(first, key=lambda e: len(e.absolute_path))
            return _translate(deepest)
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        return json_path(path + [missing]), "thiếu trường bắt buộc"
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return json_path(path + extra[:1]), (
            f"trường không có trong định dạng: {', '.join(extra)} (hãy xóa hoặc sửa tên trường)")
    if v == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        want = " hoặc ".join(_TYPE_VN.get(t, t) for t in types)
        return json_path(path), f"phải là {want}, không phải {_short(error.instance)}"
    if v == "enum":
        allowed = ", ".join("null" if x is None else str(x) for x in error.validator_value)
        return json_path(path), f"giá trị {_short(error.instance)} không hợp lệ; chỉ nhận: {allowed}"
    if v == "const":
        return json_path(path), f"phải là {_short(error.validator_value)}, không phải {_short(error.instance)}"
    if v == "pattern":
        pat = error.validator_value
        if pat == "^[0-9]{1,10}$":
            return json_path(path), (f"mã đơn vị hành chính {_short(error.instance)} không hợp lệ: "
                                     "chỉ gồm chữ số, tối đa 10 chữ số (ví dụ 23015)")
        if "{4}" in pat:
            return json_path(path), f"ngày {_short(error.instance)} phải có dạng NĂM-THÁNG-NGÀY (ví dụ 2025-12-05)"
        if "{2}-" in pat:
            return json_path(path), f"{_short(error.instance)} phải có dạng THÁNG-NGÀY (ví dụ 11-15)"
        return json_path(path), (
            f"mã {_short(error.instance)} không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, "
            "dấu chấm, gạch dưới, gạch ngang, tối đa 32 ký tự")
    if v == "minLength":
        return json_path(path), "không được để trống"
    if v == "minimum":
        return json_path(path), f"phải lớn hơn hoặc bằng {error.validator_value} (đang là {_short(error.instance)})"
    if v == "maximum":
        return json_path(path), f"phải nhỏ hơn hoặc bằng {error.validator_value} (đang là {_short(error.instance)})"
    return json_path(path), f"không hợp lệ ({error.message})"


def schema_errors(data) -> list[tuple[str, str]]:
    import fastjsonschema

    try:
        _fast_check()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    except (RecursionError, ValueError, TypeError):
        pass  # let the thorough validator say what is wrong
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    out, seen = [], set()
    for e in errors:
        item = _translate(e)
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _date(value) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _is_date_string(value) -> bool:
    return isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"


def _list(value) -> list:
    """A list field, or nothing to check when it has the wrong type (the schema says so)."""
    return value if isinstance(value, list) else []


def rule_errors(data) -> list[tuple[str, str]]:
    """The rules of exchange-format.md that the schema cannot state. Defensive on types."""
    errs: list[tuple[str, str]] = []
    if not isinstance(data, dict):
        return errs

    def add(path, msg):
        errs.append((json_path(path), msg))

    def check_date(path, value):
        if _is_date_string(value) and _date(value) is None:
            add(path, f"ngày {value} không có trên lịch")

    units = _list(data.get("units"))
    unit_codes: dict[str, int] = {}
    for i, u in enumerate(units):
        if isinstance(u, dict) and isinstance(u.get("code"), str):
            c = u["code"]
            if c in unit_codes:
                add(["units", i, "code"], f"mã đơn vị '{c}' bị trùng (đã có ở units[{unit_codes[c]}])")
            else:
                unit_codes[c] = i

    def check_unit(path, code, what):
        if isinstance(code, str) and code not in unit_codes:
            add(path, f"{what} '{code}' không có trong danh sách đơn vị (units)")

    plans = _list(data.get("plans"))
    plan_keys: dict[tuple, int] = {}
    activity_ids: dict[str, list] = {}
    for pi, p in enumerate(plans):
        if not isinstance(p, dict):
            continue
        pp = ["plans", pi]
        year, kind = p.get("year"), p.get("kind")
        if isinstance(year, int) and isinstance(kind, str):
            if (year, kind) in plan_keys:
                add(pp, f"đã có kế hoạch loại '{kind}' năm {year} (plans[{plan_keys[(year, kind)]}]); mỗi năm chỉ một kế hoạch mỗi loại")
            else:
                plan_keys[(year, kind)] = pi
        check_date(pp + ["issued_on"], p.get("issued_on"))
        for key in ("action_month_start", "action_month_end"):
            v = p.get(key)
            if isinstance(v, str) and len(v) == 5 and v[2] == "-":
                try:
                    dt.date(2024, int(v[:2]), int(v[3:]))  # a leap year admits 02-29
                except ValueError:
                    add(pp + [key], f"ngày {v} (tháng-ngày) không có trên lịch")
        am_s, am_e = p.get("action_month_start"), p.get("action_month_end")
        if isinstance(am_s, str) and isinstance(am_e, str) and am_s > am_e:
            add(pp + ["action_month_end"], f"ngày kết thúc Tháng hành động ({am_e}) trước ngày bắt đầu ({am_s})")
        for di, d in enumerate(_list(p.get("deadlines"))):
            if isinstance(d, dict):
                check_date(pp + ["deadlines", di, "due"], d.get("due"))

        targets = _list(p.get("targets"))
        target_codes: dict[str, int] = {}
        for ti, t in enumerate(targets):
            if not isinstance(t, dict):
                continue
            tp = pp + ["targets", ti]
            c = t.get("code")
            if isinstance(c, str):
                if c in target_codes:
                    add(tp + ["code"], f"mã chỉ tiêu '{c}' bị trùng (đã có ở targets[{target_codes[c]}])")
                else:
                    target_codes[c] = ti
            for field, msg in rules.target_kind_errors(t.get("kind"), t.get("comparison"), t.get("target"),
                                                       t.get("measure")).items():
                add(tp + [field], msg)
            check_unit(tp + ["lead"], t.get("lead"), "đơn vị chủ trì")

        tasks = _list(p.get("tasks"))
        task_codes: dict[str, int] = {}
        for ki, t in enumerate(tasks):
            if not isinstance(t, dict):
                continue
            kp = pp + ["tasks", ki]
            c = t.get("code")
            if isinstance(c, str):
                if c in task_codes:
                    add(kp + ["code"], f"mã nhiệm vụ '{c}' bị trùng (đã có ở tasks[{task_codes[c]}])")
                else:
                    task_codes[c] = ki
            check_unit(kp + ["lead"], t.get("lead"), "đơn vị chủ trì")
            for j, u in enumerate(_list(t.get("partners"))):
                check_unit(kp + ["partners", j], u, "đơn vị phối hợp")
            for j, tc in enumerate(_list(t.get("targets"))):
                if isinstance(tc, str) and tc not in target_codes:
                    add(kp + ["targets", j], f"chỉ tiêu '{tc}' không có trong kế hoạch này")
            for key in ("start", "due", "completed_on"):
                check_date(kp + [key], t.get(key))
            problem = rules.date_order_error(_date(t.get("start")), _date(t.get("due")), "hạn hoàn thành",
                                             "ngày bắt đầu")
            if problem:
                add(kp + ["due"], problem)

        acts = _list(p.get("activities"))
        for ai, a in enumerate(acts):
            if not isinstance(a, dict):
                continue
            ap = pp + ["activities", ai]
            aid = a.get("id")
            if isinstance(aid, str) and aid:
                if aid in activity_ids:
                    add(ap + ["id"], f"mã hoạt động '{aid}' bị trùng (đã có ở {json_path(activity_ids[aid])})")
                else:
                    activity_ids[aid] = ap  # its path is written out only for a duplicate
            start, end = _date(a.get("start")), _date(a.get("end"))
            if start is None:  # paths are built only for an error: a province checks 45,000 of these
                check_date(ap + ["start"], a.get("start"))
            if end is None:
                check_date(ap + ["end"], a.get("end"))
            if start and isinstance(year, int) and start.year != year:
                add(ap + ["start"], f"ngày bắt đầu {start:%d/%m/%Y} không thuộc năm kế hoạch {year}")
            problem = rules.date_order_error(start, end, "ngày kết thúc", "ngày bắt đầu")
            if problem:
                add(ap + ["end"], problem)
            organizer = a.get("organizer")
            if isinstance(organizer, str) and organizer not in unit_codes:
                check_unit(ap + ["organizer"], organizer, "đơn vị tổ chức")
            for j, u in enumerate(_list(a.get("partners"))):
                check_unit(ap + ["partners", j], u, "đơn vị phối hợp")
            tc = a.get("task")
            if isinstance(tc, str) and tc not in task_codes:
                add(ap + ["task"], f"nhiệm vụ '{tc}' không có trong kế hoạch này")
            counts = [a.get(k) for k in ("participants_total", "participants_female", "participants_male",
                                         "participants_ethnic_minority")]
            # only whole numbers are compared: the schema reports any other type at its path
            if isinstance(counts[0], int) and not isinstance(counts[0], bool):
                # negative counts are the schema's to report (minimum 0): not said twice
                counts = [c if isinstance(c, int) and not isinstance(c, bool) and c >= 0 else None for c in counts]
                for field, msg in rules.participant_errors(*counts).items():
                    add(ap + [field], msg)

    reports = _list(data.get("reports"))
    report_keys: dict[tuple, int] = {}
    for ri, r in enumerate(reports):
        if not isinstance(r, dict):
            continue
        key = (r.get("year"), r.get("period"))
        if not (isinstance(key[0], int) and isinstance(key[1], str)):
            continue
        if key in report_keys:
            add(["reports", ri], f"báo cáo '{key[1]}' năm {key[0]} bị trùng (đã có ở reports[{report_keys[key]}])")
        else:
            report_keys[key] = ri
        check_date(["reports", ri, "issued_on"], r.get("issued_on"))
    return errs


MAX_DEPTH = 40  # a valid package is 7 levels deep


def _values_fine(data) -> bool:
    """True when no value needs a message (the common case), found without building each
    value's path: a province checks over a million values at once. False: look closer."""
    if type(data) not in (dict, list):
        return False
    stack = [data]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        for v in (node.values() if type(node) is dict else node):
            t = type(v)
            if t is str:
                if not v.isprintable():  # a lone surrogate is not printable
                    try:
                        v.encode("utf-8")
                    except UnicodeEncodeError:
                        return False
            elif t is dict or t is list:
                push(v)
            elif t is int:
                if v > MAX_ABS_NUMBER or v < -MAX_ABS_NUMBER:
                    return False
            elif t is float:
                if number_problem(v):
                    return False
            elif v is not None and t is not bool:
                return False
    return True


def value_errors(data) -> list[tuple[str, str]]:
    """Values no field may hold, wherever they stand: numbers that are not finite or absurdly
    large (SQLite cannot store them, reports would print 'inf'), text with a lone surrogate
    (not a character: it cannot be stored as UTF-8)."""
    if _values_fine(data):
        return []
    errs: list[tuple[str, str]] = []
    stack = [(data, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            stack.extend((v, path + [k]) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, path + [i]) for i, v in enumerate(node))
        elif isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                errs.append((json_path(path), "chứa ký tự không hợp lệ (mã thay thế đơn lẻ); hãy gõ lại đoạn chữ này"))
        else:
            problem = number_problem(node)
            if problem:
                errs.append((json_path(path), problem))
    return sorted(errs)


def package_errors(data, values_seen_fine: bool = False) -> list[str]:
    """Every problem of a (normalised) package, as 'path: message' lines; [] when valid.
    `values_seen_fine`: the normalising walk already found every value storable."""
    values = [] if values_seen_fine and type(data) is dict else value_errors(data)
    if values:  # the schema validator itself chokes on such values: report them alone
        return [f"{p}: {m}" for p, m in values]
    found = schema_errors(data) + rule_errors(data)
    seen, out = set(), []
    for path, msg in found:
        line = f"{path}: {msg}"
        if line not in seen:
            seen.add(line)
            out.append(line)
    return out
