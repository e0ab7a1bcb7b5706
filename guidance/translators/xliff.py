"""XLIFF 2.0 (OASIS XLIFF Version 2.0, core only) files of guidance segments, with the standard library.

One <file> per page (its id the page's slug), one <unit> per segment (its id the segment's), each
with one <segment>: <source> the English, <target> the translation, `state` "final" when it is up
to date and "initial" when it is behind the English or missing (its `subState` says which, in our
own `helpsite:` namespace, as the specification allows); a <note category="previous-source">
carries the English it was translated from. Translators' tools mark a segment done by moving its
state past "initial".

The parser is xml.etree on Python's bundled expat (2.4.1 or later refuses entity expansion
attacks; external entities are never fetched), given only files staff upload.
"""

import xml.etree.ElementTree as ET

from django.conf import settings
from django.utils.translation import gettext

from .units import Incoming

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
Q = "{%s}" % NAMESPACE
SUBSTATE_PREFIX = "helpsite"
DONE_STATES = {"translated", "reviewed", "final"}

ET.register_namespace("", NAMESPACE)


def write(exported, language):
    """The XLIFF 2.0 document (text) of exported pages (exchange.PageUnits) in one language."""
    root = ET.Element(f"{Q}xliff", {"version": "2.0", "srcLang": settings.LANGUAGE_CODE, "trgLang": language})
    for item in exported:
        file_element = ET.SubElement(root, f"{Q}file", {"id": item.page, "original": f"{item.origin}/{item.page}"})
        notes = ET.SubElement(file_element, f"{Q}notes")
        ET.SubElement(notes, f"{Q}note", {"category": "revision"}).text = str(item.revision_id)
        if item.version is not None:
            ET.SubElement(notes, f"{Q}note", {"category": "version"}).text = str(item.version)
        for unit in item.units:
            _unit(file_element, unit)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _unit(parent, unit):
    element = ET.SubElement(parent, f"{Q}unit", {"id": unit.sid, "name": unit.kind})
    notes = ET.SubElement(element, f"{Q}notes")
    ET.SubElement(notes, f"{Q}note", {"category": "state"}).text = unit.state
    ET.SubElement(notes, f"{Q}note", {"category": "base"}).text = unit.base  # the translation as exported
    if unit.outdated and unit.previous_source is not None:
        ET.SubElement(notes, f"{Q}note", {"category": "previous-source"}).text = unit.previous_source
    done = bool(unit.target) and not unit.outdated
    segment = ET.SubElement(element, f"{Q}segment", {
        "state": "final" if done else "initial", "subState": f"{SUBSTATE_PREFIX}:{unit.state}",
    })
    ET.SubElement(segment, f"{Q}source").text = unit.source
    if unit.target:
        ET.SubElement(segment, f"{Q}target").text = unit.target


def read(text):
    """(target language, [units.Incoming]) from an XLIFF 2.0 document; ValueError when it is not one."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:  # expat's own message is English ("not well-formed (invalid token)")
        line, column = error.position
        raise ValueError(gettext("the XML is broken at line %(line)s, column %(column)s") % {
            "line": line, "column": column + 1,
        }) from error
    if root.tag != f"{Q}xliff" or not root.get("version", "").startswith("2."):
        raise ValueError(gettext("it is XML but not an XLIFF 2.0 document"))
    incoming = []
    for file_element in root.iter(f"{Q}file"):
        for unit in file_element.iter(f"{Q}unit"):
            base = next((note.text or "" for note in unit.iter(f"{Q}note") if note.get("category") == "base"), None)
            for segment in unit.iter(f"{Q}segment"):
                source, target = segment.find(f"{Q}source"), segment.find(f"{Q}target")
                incoming.append(Incoming(
                    file_element.get("id", ""), unit.get("id", ""), _text(source), _text(target),
                    segment.get("state", "initial") in DONE_STATES, base,
                ))
    return (root.get("trgLang") or "").lower(), incoming


def _text(element):
    """All the text of a source or target, inline elements (as a tool may add) included."""
    return "".join(element.itertext()) if element is not None else ""
