"""The quick schema check (fastjsonschema on a rewritten schema, used to decide whether the
thorough validator has anything to say) accepts exactly what the schema as written accepts:
the rewriting (oneOf with null as a type list, definitions in place) changes speed only."""

import copy

import fastjsonschema
import jsonschema

from desktop_app.store import package_rules as R

VALUES = [None, -1, 1.5, "", " ", "x", "2019-02-30", "1a", "16279", "A" * 40, True, [], {"a": 1}]


def leaves(node, path=()):
    """Paths to every value of a small sample: the office, the first unit, and the first target,
    task and activity of the first plan with every other field of the plan."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, path + (k,))
    elif isinstance(node, list) and node:
        yield from leaves(node[0], path + (0,))
    yield path


def test_quick_check_agrees_with_the_schema_on_every_field(example):
    example["office"]["code"] = "16279"
    plan = example["plans"][0]
    for key in ("activities", "targets", "tasks", "deadlines", "contents"):
        plan[key] = plan[key][:1]
    example["units"] = example["units"][:1]
    # A small sample keeps the thorough validator quick; only the schema is checked here.
    quick = R._fast_check()
    as_written = fastjsonschema.compile(R._schema())
    thorough = jsonschema.Draft202012Validator(R._schema())

    def valid(check, data):
        try:
            check(data)
            return True
        except fastjsonschema.JsonSchemaException:
            return False

    paths = list(dict.fromkeys(leaves(example)))
    assert len(paths) > 80
    checked = 0
    for path in paths:
        if not path:
            continue
        for value in VALUES:
            data = copy.deepcopy(example)
            node = data
            for p in path[:-1]:
                node = node[p]
            node[path[-1]] = value
            assert valid(quick, data) == valid(as_written, data), (path, value)
            if value is not True:  # fastjsonschema takes true for the const 1 (true == 1 in Python)
                assert valid(quick, data) == (not any(True for _ in thorough.iter_errors(data))), (path, value)
            checked += 1
    assert checked > 1000
