"""The check's value types: what a rule looks at, what it reports, and how a fix is offered.

A rule never reads a file, a database or the clock: the services gather every fact a rule needs
into a ``CaptionFacts`` (the caption, its credit, its linked picture's embedded metadata, the
time of the check) so that the same rules run in ``photodesk check``, in the UI as the editor
types, and in a benchmark of 100,000 captions without I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Literal

from photodesk.core.credit_parse import parse_credit
from photodesk.core.credit_split import strip_credit_brackets
from photodesk.core.metadata import Conflict, Metadata, Value
from photodesk.core.rules.house import HouseStyle
from photodesk.core.rules.severity import Severity
from photodesk.core.types import Credit

FixField = Literal["credit", "caption"]


@dataclass(frozen=True, slots=True)
class Fix:
    """A proposed new value for one caption field.

    ``safe`` fixes are applied by ``check --fix`` without asking (spacing, agency spelling, house
    style, a mandatory credit, the embedded credit for a missing one); the others are only shown.
    """

    field: FixField
    value: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule's check function reports; the registry adds the rule's code and severity.

    ``severity`` overrides the rule's default where the rule itself knows better (an embargo that
    has not passed is an error, one that has is information).
    """

    message: str
    fix: Fix | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem with one caption, as ``check`` prints it and the JSON contract carries it."""

    code: str
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    caption_id: int | None = None
    picture: str | None = None
    article: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The finding object of ``check --format json`` (DESIGN.md), keys always present."""
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "caption_id": self.caption_id,
            "picture": self.picture,
            "article": self.article,
            "fix": None if self.fix is None else {"field": self.fix.field, "value": self.fix.value},
        }


# The slots of Finding, set directly: a frozen dataclass's __init__ goes through
# object.__setattr__ once per field, which makes it twice as slow as setting the slots, and the
# registry builds a quarter of a million findings for a desk of 100,000 captions.
_new = object.__new__
_set_code, _set_rule, _set_severity, _set_message = (
    getattr(Finding, name).__set__ for name in ("code", "rule", "severity", "message")
)
_set_fix, _set_caption_id, _set_picture, _set_article = (
    getattr(Finding, name).__set__ for name in ("fix", "caption_id", "picture", "article")
)


def new_finding(
    code: str,
    rule: str,
    severity: Severity,
    message: str,
    fix: Fix | None,
    caption_id: int | None,
    picture: str | None,
    article: str | None,
) -> Finding:
    """``Finding(code, rule, …)``, equal to it in every way, built at half the cost."""
    finding: Finding = _new(Finding)
    _set_code(finding, code)
    _set_rule(finding, rule)
    _set_severity(finding, severity)
    _set_message(finding, message)
    _set_fix(finding, fix)
    _set_caption_id(finding, caption_id)
    _set_picture(finding, picture)
    _set_article(finding, article)
    return finding


@dataclass(frozen=True, slots=True)
class PictureFacts:
    """The linked picture as a rule sees it: the file's reconciled embedded metadata.

    ``color_mode`` is ``rgb``, ``cmyk`` or ``gray`` as the file's header declares it (None when
    unknown); ``missing`` means the file has vanished since the scan; ``error`` why it could not
    be read; ``warnings`` the reader's per-block warnings (legacy character sets among them).
    """

    path: str
    format: str | None = None
    width: int | None = None
    height: int | None = None
    color_mode: str | None = None
    values: Mapping[str, Value] = field(default_factory=dict)
    conflicts: tuple[Conflict, ...] = ()
    charset: str | None = None
    warnings: tuple[str, ...] = ()
    error: str | None = None
    missing: bool = False

    def text(self, name: str) -> str:
        """A single-valued field as text ('' when absent); a list field joined with '; '."""
        value = self.values.get(name)
        if value is None:
            return ""
        return value if isinstance(value, str) else "; ".join(value)

    def items(self, name: str) -> tuple[str, ...]:
        """A field as a tuple of values (a single value becomes a one-tuple)."""
        value = self.values.get(name)
        if not value:
            return ()
        return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True, slots=True)
class CaptionFacts:
    """Everything the rules know about one caption.

    ``parsed`` is the stored parse of ``credit`` (None when there is no credit); ``placements``
    how many captions of the same article place the same picture (2 or more is PD402); ``now``
    the moment of the check, for embargoes (None: embargoes are reported, never judged).
    """

    caption: str
    credit: str | None
    parsed: Credit | None
    picture: PictureFacts | None = None
    caption_id: int | None = None
    article: str | None = None
    placements: int = 1
    now: datetime | None = None

    def credit_structure(self) -> Credit | None:
        """The parsed credit: the stored parse, else a parse of ``credit`` (None without one).

        The UI checks as the editor types, before any parse is stored. Brackets are dropped as
        the editing service drops them (``(Photo by X / AFP)`` is the credit ``Photo by X /
        AFP``); the parse is cached, so asking again costs a dictionary lookup.
        """
        if self.parsed is not None:
            return self.parsed
        text = (self.credit or "").strip()
        return _parsed(text) if text else None


# A rule's check: facts and house style in, hits out. A tuple, not a generator: most rules find
# nothing on most captions, and returning the shared empty tuple costs a fraction of starting and
# exhausting a generator, 23 times a caption.
CheckFunction = Callable[[CaptionFacts, HouseStyle], tuple[Hit, ...]]
NO_HITS: tuple[Hit, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: stable code, short name, default severity, and what it is for.

    ``summary`` is one line for ``check --rules`` and the docs.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    check: CheckFunction


@lru_cache(maxsize=32768)
def _parsed(text: str) -> Credit:
    return parse_credit(strip_credit_brackets(text))


def picture_facts(metadata: Metadata, missing: bool = False) -> PictureFacts:
    """A picture's facts from its reconciled metadata (as read, or as the desk stored it)."""
    return PictureFacts(
        path=metadata.path,
        format=metadata.format,
        width=metadata.width,
        height=metadata.height,
        color_mode=metadata.color_mode,
        values=metadata.values,
        conflicts=metadata.conflicts,
        charset=metadata.charset,
        warnings=metadata.warnings + tuple(w for b in metadata.blocks for w in b.warnings),
        error=metadata.error,
        missing=missing,
    )
