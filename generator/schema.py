"""The dataset's schema, declared once: frozen records whose fields carry a spec.

`validate` reads YAML into these records by walking the specs, and
`jsonschema` emits the same specs as a JSON Schema for editors. A field with
no spec (`id`, `pos`) is filled in by the loader, never read from YAML.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from generator.problems import Pos

# --- field specs ------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Text; `markdown` allows the safe Markdown subset, otherwise one plain line."""

    markdown: bool = False
    max_len: int | None = None


@dataclass(frozen=True)
class Choice:
    """One word out of a fixed scale; `labels` are what readers see."""

    labels: tuple[tuple[str, str], ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.labels)


@dataclass(frozen=True)
class Number:
    minimum: int
    maximum: int


@dataclass(frozen=True)
class RefTo:
    """The id of another record, i.e. its file name without `.yml`."""

    kind: str
    """The folder of the record referred to: `causes`, `remedies`, `questions`."""


@dataclass(frozen=True)
class Nested:
    cls: type


@dataclass(frozen=True)
class ListOf:
    item: Text | RefTo | Nested
    min_items: int = 0


Spec = Text | Choice | Number | RefTo | Nested | ListOf


def spec(
    doc: str, kind: Spec, *, required: bool = True, example: str = "", default: str = ""
) -> Any:
    """A dataclass field declaring how it is read from YAML and documented.

    `default` is what an optional text field holds when the file leaves it out.
    """
    meta = {"spec": kind, "doc": doc, "example": example, "default": default}
    if required:
        return dataclasses.field(metadata=meta)
    if isinstance(kind, ListOf):
        return dataclasses.field(default=(), metadata=meta)
    if isinstance(kind, Text):
        return dataclasses.field(default=default, metadata=meta)
    return dataclasses.field(default=None, metadata=meta)


@dataclass(frozen=True)
class FieldInfo:
    name: str
    spec: Spec
    doc: str
    required: bool
    example: str
    default: str
    """For an optional text field: its value when left out ("" for none)."""


_FIELDS: dict[type, tuple[FieldInfo, ...]] = {}


def schema_fields(cls: type) -> tuple[FieldInfo, ...]:
    """The fields of a record that are read from YAML, in declaration order.

    Cached: it depends only on the class, and validation asks for every node.
    """
    cached = _FIELDS.get(cls)
    if cached is not None:
        return cached
    out = []
    for f in dataclasses.fields(cls):
        if "spec" not in f.metadata:
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out.append(
            FieldInfo(
                f.name,
                f.metadata["spec"],
                f.metadata["doc"],
                required,
                f.metadata["example"],
                f.metadata["default"],
            )
        )
    _FIELDS[cls] = tuple(out)
    return _FIELDS[cls]


LINE = Text(max_len=120)
SUMMARY = Text(max_len=240)
MARKDOWN = Text(markdown=True)

VERDICT = Choice(
    (
        ("recoverable", "Recoverable"),
        ("sometimes", "Sometimes recoverable"),
        ("rarely", "Rarely recoverable"),
        ("never", "Not recoverable"),
    )
)
"""How likely it is to get the account (or whatever the domain's object is) back."""

# --- kinds of record --------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """A kind of record: where its files live, what it is called, how content
    links to one and where its pages go. Every stage reads kinds from `KINDS`:
    adding one is an entry here (and its record class) plus its templates."""

    folder: str
    """Its folder in the dataset, and the first part of its pages' addresses
    (`causes/<id>.md`); also `Ref.kind`. Empty for the site settings, one file."""
    noun: str
    """One record, in messages and reports: `cause`."""
    schema: str
    """The stem of its JSON Schema file: `cause` for `schema/cause.schema.json`."""
    scheme: str | None = None
    """The link scheme content Markdown uses for it (`[text](cause:ID)`); None: none."""
    section: str | None = None
    """The navigation section of its pages; None: it has no pages of its own."""
    index_title: str = ""
    """The title of the section's overview page (`causes/index.md`)."""
    index_description: str = ""
    """What the overview page holds, for search engines and link previews."""

    @property
    def described(self) -> str:
        """The kind as a message names one: `a cause`, or `site.yml`."""
        return f"a {self.noun}" if self.folder else self.noun


# --- records ----------------------------------------------------------------

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A record's id: its file name without `.yml`, and the last part of its page's
address. Lowercase ASCII words joined by single hyphens."""

SETTINGS_FILE = "site.yml"
"""The file of the dataset's site settings, at the top of the dataset folder."""


@dataclass(frozen=True)
class Ref:
    """A record by kind and id: a reference in the dataset (with where it was
    written), a link in content Markdown, where an answer leads.

    Equal by kind and id only: the same record is the same wherever it is named."""

    kind: str
    """The record's folder: `causes`, `remedies`, `questions`, `symptoms`."""
    id: str
    pos: Pos | None = dataclasses.field(default=None, compare=False)


@dataclass(frozen=True, kw_only=True)
class Record:
    id: str
    """The file name without `.yml`; also the last part of the page's URL."""
    pos: Pos
    """The start of the record's file."""

    kind: ClassVar[Kind]
    exactly_one: ClassVar[tuple[str, ...]] = ()
    """Fields of which exactly one must be given."""

    @property
    def ref(self) -> Ref:
        return Ref(self.kind.folder, self.id, self.pos)


@dataclass(frozen=True, kw_only=True)
class Settings(Record):
    """`site.yml`: what the site is about, as a whole."""

    kind: ClassVar[Kind] = Kind("", SETTINGS_FILE, "site")
    title: str = spec(
        "The home page's heading.", LINE, example="Account terminated? What it means and what to do"
    )
    summary: str = spec(
        "One sentence about the site, used as the home page's description.", SUMMARY
    )
    intro: str = spec("The opening paragraph of the home page (Markdown).", MARKDOWN)
    notice: str = spec(
        "Who runs the site and that it is independent; shown in every page's footer.", MARKDOWN
    )
    check_start: Ref | None = spec(
        "The guided check's first question (an id from questions/).",
        RefTo("questions"),
        required=False,
    )
    # The site's own words where the templates need the domain: the generator
    # knows nothing of accounts or plants.
    recovery_question: str = spec(
        "The question each cause's verdict answers, on cause pages, in the overview and in "
        "the guided check.",
        LINE,
        required=False,
        example="Can the account come back?",
        default="Can it be put right?",
    )
    summary_for: str = spec(
        "Who the guided check's summary is written for, when nothing has helped; without it, "
        "the summary is simply one to share.",
        LINE,
        required=False,
        example="AliExpress support",
    )


@dataclass(frozen=True, kw_only=True)
class Symptom(Record):
    """`symptoms/<id>.yml`: something the user sees."""

    kind: ClassVar[Kind] = Kind(
        "symptoms",
        "symptom",
        "symptom",
        scheme="symptom",
        section="What you see",
        index_title="All symptoms",
        index_description="Every message and sign this guide explains.",
    )
    title: str = spec("The page heading.", LINE, example="This account has been terminated")
    summary: str = spec("One sentence: what it means.", SUMMARY)
    messages: tuple[str, ...] = spec(
        "The exact text shown to the user, and its variants, word for word.",
        ListOf(Text(max_len=400), min_items=1),
    )
    where: tuple[str, ...] = spec(
        "Where the message appears (app, website, ...).", ListOf(LINE), required=False
    )
    meaning: str = spec("What the message means (Markdown).", MARKDOWN)
    still_works: tuple[str, ...] = spec(
        "What the user can still do (Markdown, one item each).", ListOf(MARKDOWN), required=False
    )
    stops_working: tuple[str, ...] = spec(
        "What no longer works (Markdown, one item each).", ListOf(MARKDOWN), required=False
    )
    causes: tuple[Ref, ...] = spec(
        "The causes that can lie behind it, most common first (ids from causes/).",
        ListOf(RefTo("causes"), min_items=1),
    )


@dataclass(frozen=True, kw_only=True)
class Recoverability:
    verdict: str = spec("recoverable, sometimes, rarely or never.", VERDICT, example="recoverable")
    reason: str = spec("One line: why that verdict.", SUMMARY)


@dataclass(frozen=True, kw_only=True)
class Rung:
    """A remedy in a cause's ladder: what to try, in order, for this cause."""

    remedy: Ref = spec("The remedy to try (an id from remedies/).", RefTo("remedies"))
    note: str = spec(
        "What is special about this remedy for this cause (Markdown).", MARKDOWN, required=False
    )


@dataclass(frozen=True, kw_only=True)
class Cause(Record):
    """`causes/<id>.yml`: one reason behind a symptom."""

    kind: ClassVar[Kind] = Kind(
        "causes",
        "cause",
        "cause",
        scheme="cause",
        section="Causes",
        index_title="All causes at a glance",
        index_description="Every cause at a glance, with its verdict and the first thing to try.",
    )
    title: str = spec("The page heading.", LINE, example="Email address not confirmed")
    summary: str = spec("One sentence: what happened.", SUMMARY)
    explanation: str = spec("Why it happens (Markdown).", MARKDOWN)
    recognise: tuple[str, ...] = spec(
        "Signs that this is the cause (Markdown, one item each).", ListOf(MARKDOWN, min_items=1)
    )
    recoverability: Recoverability = spec(
        "Whether it can be undone: a verdict and a reason.", Nested(Recoverability)
    )
    remedies: tuple[Rung, ...] = spec(
        "The remedies to try, in order.", ListOf(Nested(Rung), min_items=1)
    )
    prevention: tuple[str, ...] = spec(
        "How to avoid it next time (Markdown, one item each).", ListOf(MARKDOWN), required=False
    )
    related: tuple[Ref, ...] = spec(
        "Causes easily confused with this one (ids from causes/).",
        ListOf(RefTo("causes")),
        required=False,
    )
    not_in_check: str = spec(
        "Why the guided check never leads here, if it does not (one line).",
        SUMMARY,
        required=False,
    )


@dataclass(frozen=True, kw_only=True)
class Expect:
    effort: str = spec("How much work it is, in a few words.", LINE, example="A few minutes")
    waiting: str = spec("How long until it takes effect.", LINE, example="None")


@dataclass(frozen=True, kw_only=True)
class Remedy(Record):
    """`remedies/<id>.yml`: one thing to try."""

    kind: ClassVar[Kind] = Kind(
        "remedies",
        "remedy",
        "remedy",
        scheme="remedy",
        section="Remedies",
        index_title="All remedies",
        index_description="Every remedy in this guide, and the causes it helps with.",
    )
    title: str = spec("The page heading: an action.", LINE, example="Reset the password")
    summary: str = spec("One sentence: what it does.", SUMMARY)
    steps: tuple[str, ...] = spec(
        "What to do, in order (Markdown, one step each).", ListOf(MARKDOWN, min_items=1)
    )
    expect: Expect = spec("What to expect: effort and waiting time.", Nested(Expect))
    caveats: tuple[str, ...] = spec(
        "What can go wrong or disappoint (Markdown, one item each).",
        ListOf(MARKDOWN),
        required=False,
    )


@dataclass(frozen=True, kw_only=True)
class Answer:
    exactly_one: ClassVar[tuple[str, ...]] = ("next", "cause")
    label: str = spec("The answer as the user would say it.", LINE, example="Yes")
    next: Ref | None = spec(
        "The question that follows (an id from questions/).", RefTo("questions"), required=False
    )
    cause: Ref | None = spec(
        "The outcome: the user's cause (an id from causes/).", RefTo("causes"), required=False
    )

    @property
    def target(self) -> Ref:
        """Where the answer leads: a question or an outcome (a cause)."""
        target = self.next or self.cause
        assert target is not None, "validate lets through only answers with one of the two"
        return target


@dataclass(frozen=True, kw_only=True)
class Share:
    """A question answered with two counts; it branches on the share they make."""

    part: str = spec("Label of the count that is part of the whole.", LINE)
    whole: str = spec("Label of the whole count.", LINE)
    threshold: int = spec(
        "The share in percent that decides: above it leads one way, at or below it the other. "
        "At most 99, since no share can be above 100%.",
        Number(0, 99),
    )
    above: Answer = spec(
        "Where a share above the threshold leads; its label is the link text without JavaScript.",
        Nested(Answer),
    )
    otherwise: Answer = spec("Where a share at or below the threshold leads.", Nested(Answer))


@dataclass(frozen=True, kw_only=True)
class Question(Record):
    """`questions/<id>.yml`: one question of the guided check."""

    kind: ClassVar[Kind] = Kind("questions", "question", "question")
    exactly_one: ClassVar[tuple[str, ...]] = ("answers", "share")
    text: str = spec("The question.", LINE, example="Did you confirm your email address?")
    help: str = spec("Help for answering it (Markdown).", MARKDOWN, required=False)
    answers: tuple[Answer, ...] = spec(
        "Two or more answers, each leading to a question or a cause.",
        ListOf(Nested(Answer), min_items=2),
        required=False,
    )
    share: Share | None = spec(
        "Ask for two counts instead, and branch on their share.", Nested(Share), required=False
    )

    @property
    def choices(self) -> tuple[Answer, ...]:
        """The ways on from this question: its answers, or a share's above and otherwise."""
        if self.share is not None:
            return (self.share.above, self.share.otherwise)
        return self.answers


RESERVED_IDS = frozenset({"index"})
"""Ids whose page would take another page's address: a record's page is
`<folder>/<id>.md` and each folder's overview page is `<folder>/index.md`
(MkDocs also reads `README.md` as an index, but ids are lowercase)."""


RECORDS: tuple[type[Record], ...] = (Symptom, Cause, Remedy, Question)
"""Every kind of record, in the order the site presents them."""
KINDS: dict[str, Kind] = {cls.kind.folder: cls.kind for cls in RECORDS}
"""Every kind of record by folder."""
RECORD_CLASSES: dict[str, type[Record]] = {cls.kind.folder: cls for cls in RECORDS}
SCHEMES: dict[str, Kind] = {kind.scheme: kind for kind in KINDS.values() if kind.scheme}
"""Kinds content Markdown can link to, by link scheme."""
