"""Site search in every language: normalise text, find it in the search index, rank it, excerpt it.

The index (`SearchEntry`, kept by `guidance.search_index`) holds each page section, city, office,
partner and kind of help once per reader language, as that reader sees it, together with the same
text normalised by `normalise()`. A query is normalised the same way, so matching is case- and
accent-insensitive wherever the script allows, on any database:

- SQLite (and any other database): SQL LIKE over the normalised columns, words matched from their
  start by a light stem (Kazakh, Russian and Ukrainian endings vary a lot), Arabic script inside words
  (its prefixes, like al-, wa-, bi-, are written joined), Chinese anywhere (no spaces between words).
- PostgreSQL: full-text search (to_tsvector/to_tsquery) with the language's configuration where
  PostgreSQL has one (english, russian, arabic) and `simple` otherwise, OR-ed with the same LIKE match,
  which `simple` needs for scripts it cannot split into words.

Ranking is the same for both: title matches first, then headings, then text.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorExact
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils.html import format_html, format_html_join

from .models import SearchEntry

MAX_QUERY_LENGTH = 200  # characters kept of what a person types; nobody needs more to find a page
MAX_TERMS = 8
ROWS_CONSIDERED = 200  # index rows ranked per query; the site has a few hundred per language
RESULTS_SHOWN = 20
SECTIONS_SHOWN = 3  # other matching sections of one page, listed under its best one
EXCERPT_LENGTH = 220

# PostgreSQL's own text search configurations (stemming and stop words) for our languages; every
# other language uses `simple` (lower case only), helped by the prefix match of our light stems.
POSTGRES_CONFIGS = {"en": "english", "ru": "russian", "ar": "arabic"}

# --- Normalisation -----------------------------------------------------------------------------

# Letters that look like a base letter plus a mark but are letters of their own: й is not и,
# ї is not і (Ukrainian), ў is not у (Uzbek Cyrillic). Kazakh ә ғ қ ң ө ұ ү һ і have no
# decomposition at all, so they always stay themselves.
DISTINCT_LETTERS = frozenset("йїў")
# Uyghur writes ئ before every vowel at the start of a word, and uses ى and ي as two letters.
UYGHUR_DISTINCT_LETTERS = frozenset("ئ")
# Arabic-script spelling variants that readers type interchangeably (Arabic and Dari keyboards).
ARABIC_VARIANTS = {
    "ٱ": "ا",  # alef wasla; أ إ آ lose their hamza/madda with the other marks
    "ى": "ي",  # alef maqsura
    "ی": "ي",  # Persian yeh
    "ک": "ك",  # Persian keheh
    "ة": "ه",  # teh marbuta
    "ە": "ه",  # ae (the base of ۀ)
}
TATWEEL = "\u0640"
APOSTROPHES = frozenset("'`´ʹʻʼʽ‘’′")  # Uzbek Latin oʻ/gʻ is written with any of these


@lru_cache(maxsize=8192)
def _normalise_char(char, uyghur=False):
    """One character as the search sees it: possibly empty, possibly several characters."""
    if char in APOSTROPHES or char == TATWEEL:
        return ""
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf"):  # stress marks, harakat, ZWNJ, bidi controls, soft hyphen
        return ""
    if category == "Nd":  # Arabic-Indic and other digits
        return str(unicodedata.digit(char))
    if category[0] in "CZ":
        return " "
    normalised = []
    for letter in char.casefold():
        if letter in DISTINCT_LETTERS or (uyghur and letter in UYGHUR_DISTINCT_LETTERS):
            normalised.append(letter)
            continue
        for part in unicodedata.normalize("NFKD", letter):
            if unicodedata.category(part) == "Mn":
                continue
            normalised.append(part if uyghur else ARABIC_VARIANTS.get(part, part))
    return "".join(normalised)


def normalise(text, language=""):
    """Text as the search compares it: case-folded, without accents, stress marks or harakat."""
    uyghur = language == "ug"
    return "".join(_normalise_char(char, uyghur) for char in unicodedata.normalize("NFC", text or ""))


def _normalise_with_positions(text, language):
    """normalise(text) plus, for each of its characters, the index of the character of text it came from."""
    uyghur = language == "ug"
    chars, positions = [], []
    for index, char in enumerate(text):
        for part in _normalise_char(char, uyghur):
            chars.append(part)
            positions.append(index)
    return "".join(chars), positions


WORD = re.compile(r"[^\W_]+")


def words(text, language=""):
    return WORD.findall(normalise(text, language))


def index_text(text, language=""):
    """The normalised words of text, each preceded by a space, so ' word' matches at a word start."""
    found = words(text, language)
    return " " + " ".join(found) if found else ""


def _is_cjk(char):
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\U00020000" <= char <= "\U0003ffff"


def _is_arabic_script(char):
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\u08a0" <= char <= "\u08ff"


# --- Queries -----------------------------------------------------------------------------------

ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
ARABIC_SUFFIXES = ("ين", "ون", "ات", "ان", "ها", "هم", "ه", "ي")
# Words too common to find anything with, dropped when the query has other words.
STOP_WORDS_AS_WRITTEN = """
    the and for with what how can are you your who where when this that from have about into does
    is an of to in on at by or be do it me my we
    что как где для это мне или при если кто когда мой моя чтобы есть на не по за из от до ли
    та ма ме да де ба бе
    бұл мен үшін қалай қайда және кім қашан менің
    що як де для або коли мені
    nima qanday qayerda uchun bilan
    ماذا كيف هل على عن الى إلى التي الذي هذا هذه في من ما لا
"""
STOP_WORDS = frozenset(normalise(word) for word in STOP_WORDS_AS_WRITTEN.split())


@dataclass(frozen=True)
class Term:
    """One word of a query, as matched against the normalised index."""

    word: str
    stem: str
    inside_words: bool  # Arabic script and Chinese: match anywhere, not only at a word start

    @property
    def needle(self):
        """What a normalised index column must contain (see index_text)."""
        return self.stem if self.inside_words else " " + self.stem

    @cached_property
    def pattern(self):
        """The same match in running normalised text, for highlighting."""
        if self.inside_words:
            return re.compile(re.escape(self.stem))
        return re.compile(r"(?<![^\W_])" + re.escape(self.stem))

    def found_in(self, indexed):
        return self.needle in indexed


def light_stem(word):
    """A prefix that still matches the other forms of the word (no dictionary needed)."""
    if _is_cjk(word[0]) or word.isdigit():
        return word
    if _is_arabic_script(word[0]):
        for prefix in ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix):]
                break
        for suffix in ARABIC_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word
    if len(word) <= 4:
        return word
    # Drop about a third, where endings go: беженцы -> бежен, refugees -> refug, босқындар -> босқын.
    return word[: max(4, len(word) - round(len(word) * 0.35))]


def _term(word):
    return Term(word=word, stem=light_stem(word), inside_words=_is_cjk(word[0]) or _is_arabic_script(word[0]))


def _printable(raw):
    """Drop control, format (but the joiners Persian needs), private and unassigned characters."""
    kept = []
    for char in raw:
        category = unicodedata.category(char)
        if category[0] == "C" and char not in "\u200c\u200d":
            kept.append(" ")
        else:
            kept.append(char)
    return " ".join("".join(kept).split())


@dataclass(frozen=True)
class Query:
    """What a person searched for: the text to show back, and the terms to match."""

    text: str
    language: str
    terms: tuple = ()
    was_cut: bool = False

    def __bool__(self):
        return bool(self.terms)


def parse_query(raw, language):
    """Any input at all gives a Query; one with no terms finds nothing (and never fails)."""
    text = _printable(str(raw or ""))
    was_cut = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    found = []
    for word in words(text, language):
        if word not in found and (len(word) >= 2 or _is_cjk(word[0])):
            found.append(word)
    meaningful = [word for word in found if word not in STOP_WORDS]
    chosen = (meaningful or found)[:MAX_TERMS]
    return Query(text=text, language=language, terms=tuple(_term(word) for word in chosen), was_cut=was_cut)


# --- Backends ----------------------------------------------------------------------------------

SEARCHED_COLUMNS = ("search_title", "search_heading", "search_body", "search_other_languages")
SHOWN_COLUMNS = (
    "kind", "object_id", "position", "priority", "path", "anchor", "title", "title_language",
    "heading", "body", "body_language", *SEARCHED_COLUMNS,
)


def _combine(conditions, require_all):
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = (combined & condition) if require_all else (combined | condition)
    return combined


def _contains(column, terms, require_all):
    """SQL: the normalised column contains every (or any) term."""
    return _combine([Q(**{f"{column}__contains": term.needle}) for term in terms], require_all)


def _substring_match(terms, require_all):
    """SQL: every (or any) term is in some searched column of the row."""
    in_any_column = [
        _combine([Q(**{f"{column}__contains": term.needle}) for column in SEARCHED_COLUMNS], False) for term in terms
    ]
    return _combine(in_any_column, require_all)


class SubstringSearch:
    """Works on every database: LIKE over the normalised columns. Used on SQLite."""

    order = ()

    def entries(self, query, require_all=True):
        """Index rows in the query's language that match every term (or any), title and heading matches first."""
        terms = query.terms
        rows = (
            SearchEntry.objects.filter(language=query.language)
            .annotate(
                title_hit=ExpressionWrapper(_contains("search_title", terms, False), output_field=BooleanField()),
                heading_hit=ExpressionWrapper(_contains("search_heading", terms, False), output_field=BooleanField()),
                **self.annotations(query, require_all),
            )
            .filter(self.match(query, require_all))
            .only(*SHOWN_COLUMNS)
            .order_by("-title_hit", "-heading_hit", *self.order, "priority", "object_id", "position")
        )
        return list(rows[:ROWS_CONSIDERED])

    def annotations(self, query, require_all):
        return {}

    def match(self, query, require_all):
        return _substring_match(query.terms, require_all)


class PostgresSearch(SubstringSearch):
    """PostgreSQL full-text search in each row's own language configuration, or the substring match."""

    order = ("-fts_title", "-fts_heading", "-fts_rank")

    def annotations(self, query, require_all):
        # Each term is a prefix (`'term':*`), so `simple` still matches Kazakh or Uzbek word endings.
        # Terms are runs of letters and digits only (see WORD), so they are safe inside the quotes,
        # and the string is a query parameter, never spliced into the SQL.
        joiner = " & " if require_all else " | "
        config = F("config")
        tsquery = SearchQuery(joiner.join(f"'{term.stem}':*" for term in query.terms), search_type="raw", config=config)
        title = SearchVector("search_title", config=config, weight="A")
        heading = SearchVector("search_heading", config=config, weight="B")
        body = SearchVector("search_body", config=config, weight="C")
        return {
            "fts_hit": SearchVectorExact(title + heading + body, tsquery),
            "fts_title": SearchVectorExact(title, tsquery),
            "fts_heading": SearchVectorExact(heading, tsquery),
            "fts_body": SearchVectorExact(body, tsquery),
            "fts_rank": SearchRank(title + heading + body, tsquery),
        }

    def match(self, query, require_all):
        return Q(fts_hit=True) | super().match(query, require_all)


def backend_for(db_connection=None):
    vendor = (db_connection or connection).vendor
    return PostgresSearch() if vendor == "postgresql" else SubstringSearch()


# --- Ranking and results -----------------------------------------------------------------------


@dataclass
class Section:
    heading: str
    url: str


@dataclass
class Result:
    """One thing found: a guidance page (at its best section), a city, an office, a partner or a kind of help."""

    kind: str
    url: str
    language: str  # the reader's
    title: str  # safe HTML, matches marked
    title_language: str  # the language the title is really in (a fallback?)
    heading: str  # safe HTML; empty at the top of a page
    excerpt: str  # safe HTML
    body_language: str
    score: tuple = ()
    other_sections: list = field(default_factory=list)

    @property
    def kind_label(self):
        return SearchEntry.Kind(self.kind).label

    @property
    def title_is_fallback(self):
        return self.title_language != self.language

    @property
    def body_is_fallback(self):
        return self.body_language != self.language

    @property
    def title_direction(self):
        return _direction(self.title_language)

    @property
    def body_direction(self):
        return _direction(self.body_language)


def _direction(language):
    return "rtl" if language in settings.LANGUAGES_BIDI else "ltr"


def _row_score(row, terms):
    """(terms matched, weighted hits): title 100, a name in another language 50, heading 10, text 1."""
    fts = {
        "title": getattr(row, "fts_title", False),
        "heading": getattr(row, "fts_heading", False),
        "body": getattr(row, "fts_body", False),
    }
    covered, score = 0, 0.0
    for term in terms:
        title = term.found_in(row.search_title) or fts["title"]
        heading = term.found_in(row.search_heading) or fts["heading"]
        body = term.found_in(row.search_body) or fts["body"]
        other = term.found_in(row.search_other_languages)
        if title or heading or body or other:
            covered += 1
        score += 100 * title + 50 * other + 10 * heading + body
        if f" {term.word} " in f"{row.search_title}{row.search_heading}{row.search_body} ":
            score += 0.25  # the exact word, not just its stem
    if row.search_title.split() == [term.word for term in terms]:
        score += 60  # the very name: "Almaty" is the city before the offices in Almaty
    return covered, score + getattr(row, "fts_rank", 0.0)


def _section_matches(row, terms):
    """Whether the row's own heading or text matched (not just the page title all its rows share)."""
    if getattr(row, "fts_heading", False) or getattr(row, "fts_body", False):
        return True
    return any(term.found_in(row.search_heading) or term.found_in(row.search_body) for term in terms)


def find(query, backend=None):
    """The best results for a query, best first; a page appears once, at its best section."""
    if not query:
        return []
    backend = backend or backend_for()
    rows = backend.entries(query, require_all=True)
    if not rows and len(query.terms) > 1:
        rows = backend.entries(query, require_all=False)  # no page has every word: the most words first
    scored = [(_row_score(row, query.terms), row) for row in rows]
    groups = {}
    for score, row in scored:
        groups.setdefault((row.kind, row.object_id), []).append((score, row))
    ranked = []
    for group in groups.values():
        group.sort(key=lambda item: (-item[0][0], -item[0][1], item[1].position))
        (best_score, best), others = group[0], group[1:]
        ranked.append((best_score, best, [row for score, row in others if _section_matches(row, query.terms)]))
    ranked.sort(key=lambda item: (-item[0][0], -item[0][1], item[1].priority, item[1].object_id))
    return [_result(score, row, others, query) for score, row, others in ranked[:RESULTS_SHOWN]]


def _result(score, row, others, query):
    return Result(
        kind=row.kind,
        url=row.url,
        language=query.language,
        title=highlight(row.title, query, row.title_language),
        title_language=row.title_language,
        heading=highlight(row.heading, query, row.body_language),
        excerpt=excerpt(row.body, query, row.body_language),
        body_language=row.body_language,
        score=score,
        other_sections=[
            Section(heading=highlight(other.heading, query, other.body_language), url=other.url)
            for other in others[:SECTIONS_SHOWN]
            if other.heading
        ],
    )


# --- Excerpts ----------------------------------------------------------------------------------


def _match_spans(text, query, language):
    """(start, end) in text of every match, widened to whole words, sorted and merged."""
    normalised, positions = _normalise_with_positions(text, language)
    spans = []
    for term in query.terms:
        for match in term.pattern.finditer(normalised):
            start, end = positions[match.start()], positions[match.end() - 1] + 1
            if not _is_cjk(text[start]):
                while start > 0 and _in_word(text[start - 1]):
                    start -= 1
                while end < len(text) and _in_word(text[end]):
                    end += 1
            spans.append((start, end))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _in_word(char):
    return (char.isalnum() or unicodedata.category(char) in ("Mn", "Mc") or char in APOSTROPHES) and not _is_cjk(char)


def _marked(text, spans, offset=0):
    """text with the spans (relative to offset) in <mark>; everything escaped."""
    pairs, cursor = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        pairs.append((text[cursor:start], text[start:end]))
        cursor = end
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pairs), text[cursor:])


def highlight(text, query, language):
    """The whole text, escaped, with the query's matches in <mark>."""
    text = unicodedata.normalize("NFC", text or "")
    return _marked(text, _match_spans(text, query, language))


def excerpt(text, query, language, length=EXCERPT_LENGTH):
    """A short piece of text around the first match, escaped, with the matches in <mark>."""
    text = " ".join(unicodedata.normalize("NFC", text or "").split())
    spans = _match_spans(text, query, language)
    start, end = 0, len(text)
    if len(text) > length:
        if spans and spans[0][0] > length // 3:
            start = text.find(" ", spans[0][0] - length // 3) + 1
        end = start + length
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start + length // 2 else end
        else:
            end = len(text)
    inside = [(s, e) for s, e in spans if s >= start and e <= end]
    return format_html(
        "{}{}{}", "… " if start > 0 else "", _marked(text[start:end], inside, start), " …" if end < len(text) else ""
    )
