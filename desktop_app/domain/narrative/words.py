"""Words the parts share: how a target's plan value and a change are said."""

# A target's plan value in running text, from its comparison; {v} is the value with its unit.
PLAN_VALUE = {">=": "từ {v} trở lên", "<=": "không quá {v}"}

# What a change compares (in this order), with the facts that hold it.
CHANGES = (
    ("số hoạt động", "activities"),
    ("số lượt người tham gia", "participants"),
    ("tỷ lệ nữ tham gia", "female_share"),
)

