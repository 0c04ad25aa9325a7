"""Small parsers for the console's form values, shared by its views."""

from __future__ import annotations

from collections.abc import Iterable


def id_list(values: Iterable[str]) -> list[int]:
    """Row ids from form values that each hold one id or several separated by commas
    ("3,7,12": a group of questions sent as one field); anything else is skipped."""
    return [int(i) for v in values for i in v.split(",") if i.strip().isdecimal()]
