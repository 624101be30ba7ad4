"""The one table of activity fields agrees with the package schema, the database and the model,
so the readers and writers built from it cannot drift apart."""

import dataclasses
import json

from desktop_app.domain.activity_fields import ACTIVITY_FIELDS, FORM_ORDER, HEADERS, SHEET_ORDER
from desktop_app.domain.model import Activity
from desktop_app.resources import resource


def test_fields_follow_the_schema_in_its_order():
    schema = json.loads(resource("exchange.schema.json").read_text(encoding="utf-8"))
    props = schema["$defs"]["activity"]["properties"]
    order = []
    for key in props:
        if key == "outputs":
            order += [("outputs", k) for k in props["outputs"]["properties"]]
        else:
            order.append((key,))
    assert [f.json for f in ACTIVITY_FIELDS] == order


def test_every_activity_attribute_and_column_is_in_the_table(workspace):
    names = {f.name for f in ACTIVITY_FIELDS}
    assert names == {f.name for f in dataclasses.fields(Activity)} - {"plan_year", "plan_kind"}
    assert names | {"plan_id"} == set(workspace.db["activities"].columns_dict)
    assert set(SHEET_ORDER) <= set(HEADERS) and set(FORM_ORDER) <= set(HEADERS)


def test_receiving_unpacks_the_table_in_its_order():
    from desktop_app.store.consolidation import ACTIVITY_COLS, ACTIVITY_KEYS, OUTPUT_KEYS

    assert ACTIVITY_COLS[3:] == tuple(f.name for f in ACTIVITY_FIELDS)
    assert ACTIVITY_KEYS + tuple(f"outputs.{k}" for k in OUTPUT_KEYS) == tuple(
        ".".join(f.json) for f in ACTIVITY_FIELDS if len(f.json) == 1) + tuple(
        ".".join(f.json) for f in ACTIVITY_FIELDS if len(f.json) == 2)
