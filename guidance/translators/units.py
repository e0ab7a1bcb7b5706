"""The shared types of the exchange files: what a file carries per segment, what is read back, what importing did.

The PO and XLIFF writers and readers (exchange.py, xliff.py) and the directory's units
(directory_exchange.py) all build on these, so none of them imports another for its types.
"""

from dataclasses import dataclass, field

from ..segments.status import OUTDATED


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
    def outdated(self):
        return self.state in OUTDATED


@dataclass(frozen=True)
class PageUnits:
    page: str
    revision_id: int  # a directory entry's version
    units: list
    origin: str = "guidance"  # or "directory" (directory_exchange)


@dataclass(frozen=True)
class Incoming:
    """One segment read from a translated file."""

    page: str
    sid: str
    source: str
    target: str
    done: bool  # not fuzzy (PO) or past "initial" (XLIFF): the translator says it is finished


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
