"""Site search in every language: normalise text, find it in the search index, rank it, excerpt it.

The index (`SearchEntry`, kept by `config.site.search.index`) holds each page section, city, office,
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

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorExact
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q

from config.language_fallback import Localized
from config.site.models import SearchEntry

from .excerpts import excerpt, highlight

ROWS_CONSIDERED = 200  # index rows ranked per query; the site has a few hundred per language
RESULTS_SHOWN = 20
SECTIONS_SHOWN = 3  # other matching sections of one page, listed under its best one

# PostgreSQL's own text search configurations (stemming and stop words) for our languages; every
# other language uses `simple` (lower case only), helped by the prefix match of our light stems.
POSTGRES_CONFIGS = {"en": "english", "ru": "russian", "ar": "arabic"}

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


def _term_in(columns, term):
    """SQL: one of the columns contains the term or one of its synonyms."""
    return _combine([Q(**{f"{column}__contains": needle}) for column in columns for needle in term.needles], False)


def _contains(column, terms, require_all):
    """SQL: the normalised column contains every (or any) term."""
    return _combine([_term_in((column,), term) for term in terms], require_all)


def _substring_match(terms, require_all):
    """SQL: every (or any) term is in some searched column of the row."""
    return _combine([_term_in(SEARCHED_COLUMNS, term) for term in terms], require_all)


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
        config = F("text_search_config")
        each_term = ("(" + " | ".join(f"'{stem}':*" for stem in term.stems) + ")" for term in query.terms)
        tsquery = SearchQuery(joiner.join(each_term), search_type="raw", config=config)
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
class SectionLink:
    """A link to another matching section of the same guidance page."""

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
    def title_shown(self):
        """The title with the language it is really in (another than the reader's when it falls back)."""
        return Localized(self.title, self.title_language, self.title_language != self.language)

    @property
    def body_shown(self):
        return Localized(self.excerpt, self.body_language, self.body_language != self.language)


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
            SectionLink(heading=highlight(other.heading, query, other.body_language), url=other.url)
            for other in others[:SECTIONS_SHOWN]
            if other.heading
        ],
    )
