"""One module per report kind, named as the kind (`year`, `mid_year`, `action_month`...).

Each holds only data:
  PERIOD    words for the report's period, with {year}: "năm {year}"
  PREVIOUS  words for the period compared with, with {year}; None: no comparison
  SCOPE     which activities the report counts: "all" or "action_month"
  TARGET_VALUE  the target value the report judges: "actual" or "actual_mid_year"
  TOPICS    which kinds of sentence the report's tables back (see the part modules)

A new report kind needs a module here and nothing else, as long as its figures are a
`summary.Figures`; the parts' sentences are shared.
"""
