"""1,100 messages from 200 senders through gunicorn (4 workers), 10% re-sent as WeChat retries.

Correctness under load only — zero lost, zero doubled, zero 5xx; the
throughput and latency figures are bench/load.py's job (bench/README.md).
"""

from __future__ import annotations

import pytest

from bench.load import print_table, run


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_load_with_retries_loses_and_doubles_nothing(shipped_index, database, request):
    url = request.getfixturevalue("pg_url") if database == "postgresql" else None
    stats = run(senders=200, workers=4, threads=24, replay=0.1, database_url=url, index_dir=str(shipped_index))
    print_table(stats)
    assert stats["messages"] == 1100 and stats["replayed"] > 50
    assert stats["status_5xx"] == 0 and stats["errors"] == 0
    assert stats["empty_replies"] == 0 and stats["replay_mismatch"] == 0
    assert stats["inbound_logged"] == stats["messages"]          # every message handled exactly once
    assert stats["tickets"] == stats["tickets_expected"] == 50   # one ticket per ticket conversation
    assert stats["bookings"] == stats["bookings_confirmed"] == 50
