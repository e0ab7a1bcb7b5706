"""The shared types of the exchange files: what a file carries per segment, what is read back, what importing did.

The PO and XLIFF writers and readers (exchange.py, xliff.py) and the directory's units
(directory_exchange.py) all build on these, so none of them imports another for its types.
"""

import hashlib
from dataclasses import dataclass, field

from ..segments.status import OUTDATED


def translation_hash(text):
    """What a file records of the translation it was exported with: a segment whose translation no longer
    has this hash was changed by someone after the export, and an import must not overwrite it unseen."""
    return hashlib.sha1((text or "").strip().encode()).hexdigest()[:12]


class ImportRefused(ValueError):
    """The file cannot be imported at all; the message says why, for staff."""


@dataclass(frozen=True)
class Unit:
    """One segment of one page, as an exchange file carries it."""

    page: str
    sid: str
    kind: str
    source: str
    target: str
    state: str
    previous_source: str | None = None

    @property
    def base(self):
        return translation_hash(self.target)

    @property
    def outdated(self):
        return self.state in OUTDATED


@dataclass(frozen=True)
class PageUnits:
    page: str
    revision_id: int  # a directory entry's version
    units: list
    origin: str = "guidance"  # or "directory" (directory_exchange)
    version: int | None = None  # the draft's version when exported (a directory entry's is its revision_id)


@dataclass(frozen=True)
class Incoming:
    """One segment read from a translated file."""

    page: str
    sid: str
    source: str
    target: str
    done: bool  # not fuzzy (PO) or past "initial" (XLIFF): the translator says it is finished
    base: str | None = None  # translation_hash of the translation when exported (None: an older file says nothing)


@dataclass(frozen=True)
class ChangedSince:
    """A segment whose translation someone changed after the file was exported: refused, both texts shown."""

    sid: str
    name: str
    now: str  # the translation saved meanwhile
    in_file: str


@dataclass
class PageReport:
    """What importing a file did to one page."""

    page: object
    draft: object = None
    imported: list = field(default_factory=list)
    stale: list = field(default_factory=list)  # [(segment id, English of the file)] made from an older English text
    not_done: list = field(default_factory=list)
    unknown: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    refused: str = ""
    changed_since: list = field(default_factory=list)  # [ChangedSince]
    names: dict = field(default_factory=dict)  # {segment id: how staff recognise it (kind and English)}

    def name(self, sid):
        return self.names.get(sid, sid)

    @property
    def named_problems(self):
        return [(self.name(problem.sid), problem) for problem in self.problems]

    @property
    def named_not_done(self):
        return [self.name(sid) for sid in self.not_done]
