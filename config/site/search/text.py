"""Search text in every language: normalise it (case, accents, letter variants), split it into words,
stem them lightly, and turn what a person typed into a Query of terms."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

MAX_QUERY_LENGTH = 200  # characters kept of what a person types; nobody needs more to find a page
MAX_TERMS = 8

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
    """One word of a query, as matched against the normalised index, with the stems of its synonyms."""

    word: str
    stem: str
    inside_words: bool  # Arabic script and Chinese: match anywhere, not only at a word start
    synonyms: tuple = ()  # stems of other words for the same thing (locale/search_synonyms.yaml)

    @property
    def stems(self):
        return (self.stem, *self.synonyms)

    @property
    def needle(self):
        """What a normalised index column must contain (see index_text)."""
        return self.stem if self.inside_words else " " + self.stem

    @property
    def needles(self):
        """Any of these in a normalised index column is a match: the word or one of its synonyms."""
        return tuple(stem if self.inside_words else " " + stem for stem in self.stems)

    @cached_property
    def pattern(self):
        """The same match in running normalised text, for highlighting."""
        alternatives = "|".join(re.escape(stem) for stem in self.stems)
        if self.inside_words:
            return re.compile(f"(?:{alternatives})")
        return re.compile(r"(?<![^\W_])(?:" + alternatives + ")")

    def found_in(self, indexed):
        return any(needle in indexed for needle in self.needles)


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


def _term(word, language=""):
    stem = light_stem(word)
    return Term(
        word=word, stem=stem, inside_words=_is_cjk(word[0]) or _is_arabic_script(word[0]),
        synonyms=tuple(other for other in synonym_stems(language).get(stem, ()) if other != stem),
    )


SYNONYMS_FILE = Path(__file__).resolve().parents[3] / "locale" / "search_synonyms.yaml"


@lru_cache(maxsize=16)
def synonym_stems(language):
    """{stem: (stems of its synonyms)} for a language, from locale/search_synonyms.yaml. A group's words
    are stemmed as a search word is, and only single words are used (a phrase's words are searched anyway)."""
    groups = (yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8")) or {}).get(language, [])
    found = {}
    for group in groups:
        stems = tuple(dict.fromkeys(light_stem(word) for entry in group for word in words(entry, language)[:1]
                                    if len(words(entry, language)) == 1))
        for stem in stems:
            found[stem] = tuple(dict.fromkeys((*found.get(stem, ()), *stems)))
    return found


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
    return Query(text=text, language=language, terms=tuple(_term(word, language) for word in chosen), was_cut=was_cut)
