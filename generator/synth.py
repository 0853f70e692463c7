"""A synthetic dataset of any size, for benchmarks: `python -m generator synth N DIR`.

Seeded and deterministic: the same N and seed write the same bytes. It has the
shape of a real one: each cause has two or three remedies and related causes,
symptoms list about twenty causes each, and the guided check is a balanced
binary tree of N - 1 questions whose leaves are the N causes.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from generator.translations import FOLDER, fingerprint

WORDS = [
    "account",
    "order",
    "payment",
    "seller",
    "buyer",
    "address",
    "phone",
    "email",
    "password",
    "code",
    "message",
    "screen",
    "device",
    "browser",
    "app",
    "setting",
    "profile",
    "review",
    "delivery",
    "parcel",
    "refund",
    "dispute",
    "card",
    "bank",
    "limit",
    "rule",
    "report",
    "support",
    "request",
    "answer",
    "reason",
    "check",
    "step",
    "time",
    "week",
    "day",
    "form",
    "field",
    "number",
    "name",
    "photo",
    "link",
    "button",
    "page",
    "list",
    "item",
    "cart",
    "coupon",
    "store",
    "region",
    "language",
]
VERBS = [
    "open",
    "check",
    "confirm",
    "change",
    "update",
    "send",
    "wait",
    "contact",
    "remove",
    "add",
    "verify",
    "reset",
    "review",
    "write",
    "restart",
    "clear",
    "choose",
    "enter",
    "save",
    "find",
    "ask",
]
VERDICTS = ("recoverable", "sometimes", "rarely", "never")
REVIEWED = "2026-11-27"
"""A fixed day, so that the same seed writes the same dataset."""


class _Text:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def sentence(self, low: int = 6, high: int = 14) -> str:
        text = self.words(low, high)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def action(self) -> str:
        return f"{self.rng.choice(VERBS).capitalize()} the {self.words(1, 3)}"


NOT_TEXT = frozenset(
    {
        "messages",  # quoted as the platform shows them
        "causes",
        "related",
        "sources",
        "reviewed",
        "check_start",
        "next",
        "cause",
        "remedy",
        "verdict",
        "source",
        "passage",
    }
)
"""Keys whose values a translation never holds: references, dates, quotations."""
CYRILLIC = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "абцдефгхийклмнопярстуввхызАБЦДЕФГХИЙКЛМНОПЯРСТУВВХЫЗ",
)
VOWELS = str.maketrans("aeiouAEIOU", "eiouaEIOUA")


def foreign(text: str, code: str) -> str:
    """Text that reads as another language to a search index: Cyrillic letters for
    Russian, shifted vowels for the others. Deterministic, and no real words."""
    return text.translate(CYRILLIC if code == "ru" else VOWELS)


def translation(data: Any, code: str, path: str = "") -> tuple[Any, dict[str, str]]:
    """A record's translation (its texts only, keyed as in the record) and the
    `from:` fingerprint of the English each text was made from, by its path."""
    if isinstance(data, str):
        return foreign(data, code), {path: fingerprint(data)}
    if isinstance(data, list) and all(isinstance(item, str) for item in data):
        return [foreign(item, code) for item in data], {path: fingerprint(tuple(data))}
    if isinstance(data, list):
        items: list[Any] = []
        stamps: dict[str, str] = {}
        for i, item in enumerate(data):
            text, found = translation(item, code, f"{path}.{i}")
            items.append(text)
            stamps |= found
        return items, stamps
    texts: dict[str, Any] = {}
    stamps = {}
    for key, value in data.items():
        if key in NOT_TEXT:
            continue
        text, found = translation(value, code, f"{path}.{key}" if path else key)
        if text != {}:
            texts[key] = text
            stamps |= found
    return texts, stamps


MIN_CAUSES = 6
"""Each cause picks from 3 remedies, and there are half as many remedies as causes."""


def synth(n: int, folder: Path, seed: int = 1, languages: tuple[str, ...] = ()) -> None:
    """Write a dataset of `n` causes into `folder` (which becomes the dataset folder),
    translated into each of `languages` (made: machine, stamped)."""
    if n < MIN_CAUSES:
        raise ValueError(f"a synthetic dataset needs at least {MIN_CAUSES} causes")
    rng = random.Random(seed)
    t = _Text(rng)
    causes = [f"cause-{i:05d}" for i in range(n)]
    remedies = [f"remedy-{i:05d}" for i in range(max(2, n // 2))]
    symptoms = [f"symptom-{i:04d}" for i in range(max(1, n // 20))]
    files: dict[str, Any] = {
        "site.yml": {
            "title": f"Synthetic help site with {n} causes",
            "summary": t.sentence(),
            "intro": t.paragraph(2),
            "notice": "A synthetic dataset for benchmarks.",
            "recovery_question": "Can it be put right?",
            "check_start": "q-00001",
        },
        "sources/notes.yml": {
            "title": "Synthetic notes",
            "publisher": "The benchmark",
            "url": "https://example.org/synthetic-notes",
            "read": REVIEWED,
        },
    }
    cited = {"sources": ["notes"], "reviewed": REVIEWED}
    for i, sid in enumerate(symptoms):
        listed = causes[i :: len(symptoms)]
        files[f"symptoms/{sid}.yml"] = {
            "title": t.words(3, 6).capitalize(),
            "summary": t.sentence(),
            "messages": [{"text": t.sentence(5, 10)}],
            "where": [t.sentence(3, 6)],
            "meaning": t.paragraph(2),
            "still_works": [t.sentence()],
            "stops_working": [t.sentence()],
            "causes": listed,
            **cited,
        }
    for i, cid in enumerate(causes):
        # The first remedy walks through all of them, so that every remedy is used.
        others = rng.sample(remedies, 3)
        picks = [remedies[i % len(remedies)]]
        picks += [r for r in others if r != picks[0]][: rng.randint(1, 2)]
        files[f"causes/{cid}.yml"] = {
            "title": f"{t.words(3, 6).capitalize()} {i}",
            "summary": t.sentence(),
            "explanation": t.paragraph(3),
            "recognise": [t.sentence() for _ in range(rng.randint(1, 3))],
            "recoverability": {
                "verdict": rng.choice(VERDICTS),
                "reason": t.sentence(),
                "source": "notes",
                "passage": t.words(2, 4).capitalize(),
            },
            "remedies": [
                {"remedy": rid, **({"note": t.sentence()} if rng.random() < 0.3 else {})}
                for rid in picks
            ],
            "prevention": [t.sentence()],
            "related": [causes[(i + 1) % n]],
            **cited,
        }
    for i, rid in enumerate(remedies):
        files[f"remedies/{rid}.yml"] = {
            "title": f"{t.action()} {i}",
            "summary": t.sentence(),
            "steps": [t.sentence() for _ in range(rng.randint(2, 5))],
            "expect": {"effort": t.words(2, 3), "waiting": t.words(1, 3)},
            "caveats": [t.sentence()],
            **cited,
        }
    # Heap-numbered balanced tree: question k asks about k*2 and k*2+1; a number
    # past the last question is a leaf, i.e. cause (number - n).
    for k in range(1, n):
        answers = []
        for label, child in (("Yes", 2 * k), ("No", 2 * k + 1)):
            target = {"next": f"q-{child:05d}"} if child < n else {"cause": causes[child - n]}
            answers.append({"label": f"{label}, {t.words(1, 3)}", **target})
        files[f"questions/q-{k:05d}.yml"] = {
            "text": f"{t.sentence(5, 10)[:-1]}?",
            "help": t.sentence(),
            "answers": answers,
            "unsure": {**answers[1], "label": f"Not sure, {t.words(1, 3)}"},
        }
    for code in languages:
        for rel, data in list(files.items()):
            if rel.startswith(("sources/", FOLDER + "/")):
                continue  # sources are cited as published
            texts, stamps = translation(data, code)
            files[f"{FOLDER}/{code}/{rel}"] = {"made": "machine", **texts, "from": stamps}
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(text, encoding="utf-8")
