"""Users and the audit trail: small helpers every service shares."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.models import AuditEntry, Station, User, utcnow


def get_or_create_user(s: Session, user_key: str) -> User:
    user = s.scalar(select(User).where(User.user_key == user_key))
    if user is not None:
        return user
    channel = user_key.split(":", 1)[0] if ":" in user_key else "web"
    try:
        with s.begin_nested():
            user = User(user_key=user_key, channel={"wx": "wechat"}.get(channel, channel), created_at=utcnow())
            s.add(user)
    except IntegrityError:  # created by a parallel request a moment ago
        user = s.scalar(select(User).where(User.user_key == user_key))
    return user


def audit(s: Session, actor: str, action: str, target: str = "", **detail) -> None:
    """Record who did what to what; committed with the caller's transaction."""
    s.add(AuditEntry(actor=actor, action=action, target=str(target), detail=detail, created_at=utcnow()))


def seed_stations(s: Session, seeds) -> int:
    """Insert configured stations that do not exist yet; never overwrite staff edits."""
    added = 0
    for seed in seeds:
        if s.get(Station, seed.id) is None:
            s.add(Station(id=seed.id, name=seed.name, address=seed.address, beds=seed.beds, rules=seed.rules,
                          closed_dates=[], active=True, updated_at=utcnow()))
            audit(s, "config", "station.seed", seed.id, beds=seed.beds)
            added += 1
    return added
