"""One module per report kind, named as the kind (`year`, `mid_year`, `action_month`...).

Each holds only data:
  PERIOD    words for the report's period, with {year}: "năm {year}"
  PREVIOUS  words for the period compared with, with {year}; None: no comparison
  SCOPE     which activities the report counts: "all" or "action_month"
  TOPICS    which kinds of sentence the report's tables back (see the part modules)

The target value a report judges is the report's own (`rules.period_value`).
A new report kind needs a module here and nothing else, as long as its figures are a
`summary.Figures`; the parts' sentences are shared.
"""
