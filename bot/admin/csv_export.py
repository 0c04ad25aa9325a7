"""The console's CSV downloads: one writer, so no export can forget what every one needs.

Every cell passes ``csv_cell``: text people typed (a user's question, a booking name, a
cancellation reason) that starts like a formula stays text when the file is opened in a
spreadsheet. The file starts with a UTF-8 byte-order mark, which makes Excel read the
Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from flask import Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable]) -> Response:
    """A download of ``header`` and ``rows``, every cell neutralised (``csv_cell``)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return Response("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={filename}"})
