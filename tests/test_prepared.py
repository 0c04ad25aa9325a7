"""Core statements run on the DB-API cursor (bot/store/prepared.py) behave as SQLAlchemy's
own execute does: the same values read back through the ORM on SQLite and PostgreSQL,
SQLAlchemy's exceptions for driver errors, and a missing parameter named."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import bindparam, exc, select
from sqlalchemy.orm import sessionmaker

from bot.db import dialect_insert, make_engine, upgrade
from bot.models import Conversation, KeyValue
from bot.store.prepared import Prepared

CONV, KV = Conversation.__table__, KeyValue.__table__


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else f"sqlite:///{tmp_path / 'p.db'}"
    engine = make_engine(url)
    upgrade(engine)
    yield engine
    engine.dispose()


def test_json_and_dates_round_trip_as_through_the_orm(engine):
    when = datetime(2026, 12, 5, 8, 30, 0)  # no microseconds: the format SQLAlchemy writes must still match
    save = Prepared(dialect_insert(engine.dialect.name, CONV).values(
        user_key=bindparam("u"), state=bindparam("st"), expires_at=bindparam("exp"), updated_at=bindparam("exp")))
    read = Prepared(select(CONV.c.state, CONV.c.expires_at).where(CONV.c.user_key == bindparam("u")))
    with engine.begin() as conn:
        save.run(conn, {"u": "web:1", "st": {"flow": "booking", "name": "李娜"}, "exp": when})
        assert read.first(conn, {"u": "web:1"}) == ({"flow": "booking", "name": "李娜"}, when)
    with sessionmaker(bind=engine)() as s:
        row = s.get(Conversation, "web:1")
        assert row.state == {"flow": "booking", "name": "李娜"} and row.expires_at == when
        # and the other way: the ORM's rows read back through a prepared select
        s.add(Conversation(user_key="web:2", state={"a": 1}, expires_at=when, updated_at=when))
        s.commit()
    with engine.connect() as conn:
        assert read.first(conn, {"u": "web:2"}) == ({"a": 1}, when)
        assert read.first(conn, {"u": "nobody"}) is None


def test_driver_errors_are_sqlalchemys_and_a_missing_value_is_named(engine):
    insert = Prepared(KV.insert().values(key=bindparam("k"), value=bindparam("v")))
    with engine.begin() as conn:
        insert.run(conn, {"k": "a", "v": "1"})
    with pytest.raises(exc.IntegrityError), engine.begin() as conn:
        insert.run(conn, {"k": "a", "v": "2"})  # the primary key again
    with pytest.raises(exc.InvalidRequestError, match="'v'"), engine.begin() as conn:
        insert.run(conn, {"k": "b"})
    with engine.connect() as conn:  # nothing of the failed transactions stayed
        assert conn.execute(select(KV.c.key, KV.c.value)).all() == [("a", "1")]
