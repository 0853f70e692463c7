"""Review dates that expire: a record's facts were last checked against its
sources on its `reviewed` day, and that check holds for as many days as the
settings give its kind. Reported by `check` (a warning; `check --strict` fails
on it), never by the build: a site does not break because time passed."""

from __future__ import annotations

from datetime import date, timedelta

from generator.problems import Problem
from generator.validate import Dataset

REVIEWED = ("symptoms", "causes", "remedies")
"""The kinds whose records carry a `reviewed` day."""


def expired(data: Dataset, today: date) -> list[Problem]:
    """A warning at the `reviewed:` line of each record whose check has expired."""
    if data.settings is None:
        return []
    problems = []
    for kind in REVIEWED:
        days = data.settings.review_days(kind)
        for record in data.records(kind):
            reviewed: date = getattr(record, "reviewed")  # noqa: B009 - every kind above has it
            until = reviewed + timedelta(days=days)
            if until < today:
                problems.append(
                    Problem(
                        record.field_pos.get("reviewed", record.pos),
                        f"last checked {reviewed.isoformat()}, and a check of {kind} holds "
                        f"{days} days, so it expired on {until.isoformat()}; check this record "
                        "against its sources, then set `reviewed:` to the day you did",
                        "warning",
                    )
                )
    return problems
