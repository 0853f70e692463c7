"""The dataset's schema, declared once: frozen records whose fields carry a spec.

`validate` reads YAML into these records by walking the specs, and
`jsonschema` emits the same specs as a JSON Schema for editors. A field with
no spec (`id`, `pos`) is filled in by the loader, never read from YAML.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from generator.i18n import N_
from generator.problems import Pos

# --- field specs ------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Text; `markdown` allows the safe Markdown subset, otherwise one plain line."""

    markdown: bool = False
    max_len: int | None = None
    translate: bool = True
    """Whether a translation gives it in another language: not for words quoted
    as they were published or shown (a message, a source's title)."""


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
class Date:
    """A calendar day, written `YYYY-MM-DD`."""


@dataclass(frozen=True)
class Url:
    """The address of a public web page: `https://` (or `http://`) and a host."""


@dataclass(frozen=True)
class Language:
    """A language tag as web pages use it: `ru`, `es`, `pt-BR`."""


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


Spec = Text | Choice | Number | Date | Url | Language | RefTo | Nested | ListOf


def spec(
    doc: str,
    kind: Spec,
    *,
    required: bool = True,
    example: str = "",
    default: str | int = "",
) -> Any:
    """A dataclass field declaring how it is read from YAML and documented.

    `default` is what an optional text or number field holds when the file
    leaves it out.
    """
    meta = {"spec": kind, "doc": doc, "example": example, "default": default}
    if required:
        return dataclasses.field(metadata=meta)
    if isinstance(kind, ListOf):
        return dataclasses.field(default=(), metadata=meta)
    if isinstance(kind, Text | Number) and default != "":
        return dataclasses.field(default=default, metadata=meta)
    if isinstance(kind, Text):
        return dataclasses.field(default="", metadata=meta)
    return dataclasses.field(default=None, metadata=meta)


@dataclass(frozen=True)
class FieldInfo:
    name: str
    spec: Spec
    doc: str
    required: bool
    example: str
    default: str | int
    """For an optional text or number field: its value when left out ("" for none)."""


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
AS_PUBLISHED = Text(max_len=120, translate=False)
"""A line quoted as it was published (a source's title, a heading in it): the
same in every language of the site."""
MARKDOWN_MAX = 5_000
"""The longest Markdown field, in characters (about 800 words; the real dataset's
longest is under 300): it bounds the work of parsing one field (see `markup`)."""
MARKDOWN = Text(markdown=True, max_len=MARKDOWN_MAX)

VERDICT = Choice(
    (
        ("recoverable", N_("Recoverable")),
        ("sometimes", N_("Sometimes recoverable")),
        ("rarely", N_("Rarely recoverable")),
        ("never", N_("Not recoverable")),
    )
)
"""How likely it is to get the account (or whatever the domain's object is) back."""

# --- kinds of record --------------------------------------------------------


@dataclass(frozen=True)
class OneOf:
    """Fields of a record of which exactly one must be given."""

    fields: tuple[str, ...]
    add: str
    """How to add one, when none is given: `add ...`."""


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

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
"""A day as `YYYY-MM-DD`."""
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-(?:[A-Z]{2}|[A-Z][a-z]{3}))?")
"""A language with an optional region or script: `ru`, `pt-BR`, `zh-Hant`."""

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
    field_pos: Mapping[str, Pos] = dataclasses.field(default_factory=dict, compare=False)
    """Where each of its top-level fields was written, by name: for problems that
    point at a field of a record that validated (an expired `reviewed`)."""

    kind: ClassVar[Kind]
    exactly_one: ClassVar[tuple[OneOf, ...]] = ()
    """Groups of fields of which exactly one must be given."""

    @property
    def ref(self) -> Ref:
        return Ref(self.kind.folder, self.id, self.pos)


@dataclass(frozen=True, kw_only=True)
class Request:
    """What a visitor is asked to fill in when they write for help, as blanks."""

    to: str = spec("Who the request is written to.", LINE, example="the support team")
    facts: tuple[str, ...] = spec(
        "What the request asks for, each a blank the visitor fills in (never an answer "
        "from the guided check).",
        ListOf(LINE, min_items=1),
    )


_LABEL = dict(VERDICT.labels)


@dataclass(frozen=True, kw_only=True)
class VerdictLabels:
    """The words for each verdict, where the domain needs its own."""

    recoverable: str = spec(
        "For `recoverable`.", LINE, required=False, default=_LABEL["recoverable"]
    )
    sometimes: str = spec("For `sometimes`.", LINE, required=False, default=_LABEL["sometimes"])
    rarely: str = spec("For `rarely`.", LINE, required=False, default=_LABEL["rarely"])
    never: str = spec("For `never`.", LINE, required=False, default=_LABEL["never"])

    def label(self, verdict: str) -> str:
        label: str = getattr(self, verdict)
        return label


DAYS = Number(1, 3650)


@dataclass(frozen=True, kw_only=True)
class ReviewPeriods:
    """How long a record's last check against its sources holds, in days, by kind."""

    symptoms: int = spec("Symptoms.", DAYS, required=False, default=180)
    causes: int = spec("Causes.", DAYS, required=False, default=180)
    remedies: int = spec("Remedies.", DAYS, required=False, default=180)


@dataclass(frozen=True, kw_only=True)
class Settings(Record):
    """`site.yml`: what the site is about, as a whole."""

    kind: ClassVar[Kind] = Kind("", SETTINGS_FILE, "site")
    title: str = spec(
        "The home page's heading.",
        LINE,
        example="The message you see: what it means and what to do",
    )
    summary: str = spec(
        "One sentence about the site, used as the home page's description.", SUMMARY
    )
    name: str = spec(
        "The site's short name, in the header of every page and in browser tabs "
        "(without it, mkdocs.yml's site_name).",
        LINE,
        required=False,
        example="Printer offline? A help site",
    )
    intro: str = spec("The opening paragraph of the home page (Markdown).", MARKDOWN)
    notice: str = spec(
        "Who runs the site and that it is independent; shown in every page's footer.", MARKDOWN
    )
    first_step: str = spec(
        "What every visitor should do first, whatever the cause; shown near the top of the "
        "home page (Markdown).",
        MARKDOWN,
        required=False,
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
        example="Can it be fixed?",
        default=N_("Can it be put right?"),
    )
    verdicts: VerdictLabels | None = spec(
        "The words for the verdicts, if the domain needs its own.",
        Nested(VerdictLabels),
        required=False,
    )
    request: Request | None = spec(
        "The request for help the guided check offers when nothing has helped: who it is "
        "for and what it asks the visitor to fill in. Without it, no request is offered.",
        Nested(Request),
        required=False,
    )
    review_every: ReviewPeriods | None = spec(
        "How many days a record's `reviewed` date holds, by kind (180 each by default).",
        Nested(ReviewPeriods),
        required=False,
    )
    report_email: str = spec(
        "An email address that takes reports of mistakes, besides the repository's issues.",
        LINE,
        required=False,
        example="corrections@example.org",
    )

    def verdict_label(self, verdict: str) -> str:
        return (self.verdicts or VerdictLabels()).label(verdict)

    def review_days(self, kind: str) -> int:
        days: int = getattr(self.review_every or ReviewPeriods(), kind)
        return days


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    """`sources/<id>.yml`: a published page or document the dataset's facts come from."""

    kind: ClassVar[Kind] = Kind("sources", "source", "source")
    title: str = spec(
        "The source's title, as published.", AS_PUBLISHED, example="How to fix a printer offline"
    )
    publisher: str = spec(
        "Who published it: a site or an organisation.", AS_PUBLISHED, example="example.org"
    )
    url: str = spec(
        "Its address, if it is on the web.", Url(), required=False, example="https://example.org/"
    )
    published: date | None = spec(
        "When it was published or last updated, if it says (YYYY-MM-DD).", Date(), required=False
    )
    read: date = spec("When it was read for this dataset (YYYY-MM-DD).", Date())
    language: str = spec(
        "The language it is written in, if not English (e.g. `ru`).",
        Language(),
        required=False,
    )
    note: str = spec(
        "Anything a reader should know about it: that it is old, a copy, or disagrees with "
        "another source.",
        SUMMARY,
        required=False,
    )


SOURCES = spec(
    "The sources this record's facts come from (ids from sources/).",
    ListOf(RefTo("sources"), min_items=1),
    example="[<source id>]",
)
REVIEWED = spec(
    "The day this record was last checked against its sources.",
    Date(),
    example="YYYY-MM-DD",
)


@dataclass(frozen=True, kw_only=True)
class Message:
    """The words a visitor sees, exactly."""

    text: str = spec(
        "The message, word for word.", Text(max_len=400, translate=False), example="Offline"
    )
    language: str = spec(
        "The language of the interface that shows it, if not the site's (e.g. `ru`).",
        Language(),
        required=False,
    )
    source: Ref | None = spec(
        "A source that shows this wording (an id from sources/).",
        RefTo("sources"),
        required=False,
    )


@dataclass(frozen=True, kw_only=True)
class Symptom(Record):
    """`symptoms/<id>.yml`: something the user sees."""

    kind: ClassVar[Kind] = Kind(
        "symptoms",
        "symptom",
        "symptom",
        scheme="symptom",
        section=N_("What you see"),
        index_title=N_("All symptoms"),
        index_description=N_("Every message and sign this guide explains."),
    )
    title: str = spec("The page heading.", LINE, example="The message as the reader sees it")
    summary: str = spec("One sentence: what it means.", SUMMARY)
    messages: tuple[Message, ...] = spec(
        "The exact text shown to the user, and its variants, word for word.",
        ListOf(Nested(Message), min_items=1),
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
    sources: tuple[Ref, ...] = SOURCES
    reviewed: date = REVIEWED


@dataclass(frozen=True, kw_only=True)
class Recoverability:
    verdict: str = spec("recoverable, sometimes, rarely or never.", VERDICT, example="recoverable")
    reason: str = spec("One line: why that verdict.", SUMMARY)
    source: Ref = spec("The source the verdict rests on (an id from sources/).", RefTo("sources"))
    passage: str = spec(
        "Where in that source: its heading or section, so a reader can find it.",
        AS_PUBLISHED,
        example="the heading of the section",
    )


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
        section=N_("Causes"),
        index_title=N_("All causes at a glance"),
        index_description=N_(
            "Every cause at a glance, with its verdict and the first thing to try."
        ),
    )
    title: str = spec("The page heading.", LINE, example="The cable is loose")
    summary: str = spec("One sentence: what happened.", SUMMARY)
    explanation: str = spec("Why it happens (Markdown).", MARKDOWN)
    recognise: tuple[str, ...] = spec(
        "Signs that this is the cause (Markdown, one item each).", ListOf(MARKDOWN, min_items=1)
    )
    recoverability: Recoverability = spec(
        "Whether it can be undone: a verdict, a reason and the source it rests on.",
        Nested(Recoverability),
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
    sources: tuple[Ref, ...] = SOURCES
    reviewed: date = REVIEWED


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
        section=N_("Fixes"),
        index_title=N_("All fixes"),
        index_description=N_("Every fix in this guide, and the causes it helps with."),
    )
    title: str = spec("The page heading: an action.", LINE, example="Plug the cable in again")
    summary: str = spec("One sentence: what it does.", SUMMARY)
    steps: tuple[str, ...] = spec(
        "What to do, in order (Markdown, one step each).", ListOf(MARKDOWN, min_items=1)
    )
    expect: Expect | None = spec(
        "What to expect: effort and waiting time, where a source says.",
        Nested(Expect),
        required=False,
    )
    caveats: tuple[str, ...] = spec(
        "What can go wrong or disappoint (Markdown, one item each).",
        ListOf(MARKDOWN),
        required=False,
    )
    sources: tuple[Ref, ...] = SOURCES
    reviewed: date = REVIEWED


@dataclass(frozen=True, kw_only=True)
class Answer:
    exactly_one: ClassVar[tuple[OneOf, ...]] = (
        OneOf(("next", "cause"), "`next: <question id>` or `cause: <cause id>`"),
    )
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
    zero: Answer = spec(
        "Where it leads when the whole count is 0, so there is no share.",
        Nested(Answer),
    )


@dataclass(frozen=True, kw_only=True)
class Range(Answer):
    """A range of a number question: from just above the previous range's `up_to`."""

    up_to: int | None = spec(
        "The largest number in this range; the last range has none and takes the rest.",
        Number(0, 1_000_000),
        required=False,
    )


@dataclass(frozen=True, kw_only=True)
class Count:
    """A question answered with one whole number; it branches on ranges."""

    label: str = spec("Label of the number asked for.", LINE, example="Jobs in the print queue")
    ranges: tuple[Range, ...] = spec(
        "Where each range of numbers leads, from 0 up, each `up_to` larger than the one "
        "before; the last range has no `up_to`. Their labels are the links without JavaScript.",
        ListOf(Nested(Range), min_items=2),
    )


@dataclass(frozen=True, kw_only=True)
class Question(Record):
    """`questions/<id>.yml`: one question of the guided check."""

    kind: ClassVar[Kind] = Kind("questions", "question", "question")
    exactly_one: ClassVar[tuple[OneOf, ...]] = (
        OneOf(("answers", "share", "count"), "`answers:` with two or more answers"),
        OneOf(
            ("unsure", "sure_only"),
            "`unsure:` with a label and where a visitor who does not know goes (e.g. `unsure: "
            "{label: I do not know, next: <question id>}`), or `sure_only: <why everyone can "
            "answer it>`",
        ),
    )
    text: str = spec("The question.", LINE, example="Is the light on?")
    help: str = spec("Help for answering it (Markdown).", MARKDOWN, required=False)
    answers: tuple[Answer, ...] = spec(
        "Two or more answers, each leading to a question or a cause.",
        ListOf(Nested(Answer), min_items=2),
        required=False,
    )
    share: Share | None = spec(
        "Ask for two counts instead, and branch on their share.", Nested(Share), required=False
    )
    count: Count | None = spec(
        "Ask for one number instead, and branch on its range.", Nested(Count), required=False
    )
    unsure: Answer | None = spec(
        "Where a visitor who does not know the answer goes, and what that answer says.",
        Nested(Answer),
        required=False,
    )
    sure_only: str = spec(
        "Why this question needs no answer for a visitor who does not know, if it does not.",
        SUMMARY,
        required=False,
    )

    @property
    def choices(self) -> tuple[Answer, ...]:
        """Every way on from this question, in order: its answers (a share's above,
        otherwise and zero; a count's ranges), then the answer for not knowing."""
        if self.share is not None:
            found: tuple[Answer, ...] = (self.share.above, self.share.otherwise, self.share.zero)
        elif self.count is not None:
            found = self.count.ranges
        else:
            found = self.answers
        return (*found, self.unsure) if self.unsure is not None else found


RESERVED_IDS = frozenset({"index"})
"""Ids whose page would take another page's address: a record's page is
`<folder>/<id>.md` and each folder's overview page is `<folder>/index.md`
(MkDocs also reads `README.md` as an index, but ids are lowercase)."""


RECORDS: tuple[type[Record], ...] = (Symptom, Cause, Remedy, Question, Source)
"""Every kind of record, in the order the site presents them."""
KINDS: dict[str, Kind] = {cls.kind.folder: cls.kind for cls in RECORDS}
"""Every kind of record by folder."""
RECORD_CLASSES: dict[str, type[Record]] = {cls.kind.folder: cls for cls in RECORDS}
SCHEMES: dict[str, Kind] = {kind.scheme: kind for kind in KINDS.values() if kind.scheme}
"""Kinds content Markdown can link to, by link scheme."""
