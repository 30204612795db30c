"""Wagtail's PostgreSQL search, made for Vietnamese as parents and editors type it.

Matching: the index and every query go through the text-search configuration
`public.vietnamese_unaccent` (created by tenants/migrations/0004: `unaccent`, then `simple`),
so "thoi khoa bieu", "THỜI KHOÁ BIỂU" and a pasted NFD "thời khóa biểu" all find "Thời khóa
biểu"; đ is folded to d. All words must match (Wagtail's default `and`); the admin's search
(`autocomplete`) also reads the last word as a prefix ("thoi khoa bi").

Ranking: folding makes "ke" equal "kế", "kể", "kẻ"…, and Vietnamese words are several
syllables, so ts_rank alone would put any page with many "kế" before the plan a parent wants.
Three bonuses, on the rows that already matched, come before ts_rank:
- the words as typed, tone marks included, adjacent and in order (old or new tone placement:
  "hòa"/"hoà", "khóa"/"khoá"): +8;
- the words adjacent and in order, folded ("ke hoach" → the phrase "kế hoạch"): +4;
- the words as typed, tone marks included, anywhere: +2.
The accented checks read the index entry's stored plain text (`title_text`, `body_text`); all
of it is one SQL query per search, never a loop over pages.

Configured in settings.WAGTAILSEARCH_BACKENDS: `"BACKEND": "sitepages.search_backend"`,
`"SEARCH_CONFIG": "public.vietnamese_unaccent"`.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact
from django.db.models import Case, F, FloatField, TextField, Value, When
from django.db.models.functions import Concat
from wagtail.search.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.query import PlainText

from tenants.text import text_nfc

EXACT_PHRASE_BONUS = 8.0
PHRASE_BONUS = 4.0
EXACT_WORDS_BONUS = 2.0
# More words than this in one query add nothing to the ranking (and lengthen the SQL).
MAX_RANKED_WORDS = 12

# The five tone marks (huyền, sắc, ngã, hỏi, nặng), as combining characters.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Where old and new spelling put the tone differently: hòa/hoà, hòe/hoè, thủy/thuỷ.
_TONE_PAIRS = ("oa", "oe", "uy")
_WORD = re.compile(r"\w+")


def query_words(text: str) -> list[str]:
    """The words of a query in NFC lower case (`"Thời khóa-biểu!"` → thời, khóa, biểu)."""
    return _WORD.findall(text_nfc(text).lower())[:MAX_RANKED_WORDS]


def tone_spellings(word: str) -> set[str]:
    """`word` (NFC) and its spelling with the tone mark on the other vowel of oa/oe/uy:
    {"hòa", "hoà"}, {"khoá", "khóa"}, {"thuỷ", "thủy"}; just {word} when nothing can move."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [mark for mark in decomposed if mark in _TONE_MARKS]
    if len(tones) != 1:
        return {word}
    bare = unicodedata.normalize("NFC", decomposed.replace(tones[0], ""))
    spellings = {word}
    for pair in _TONE_PAIRS:
        start = bare.find(pair)
        if start >= 0:
            for vowel in (start, start + 1):
                spellings.add(
                    unicodedata.normalize("NFC", bare[: vowel + 1] + tones[0] + bare[vowel + 1 :])
                )
    return spellings


def _lexeme(word: str, *, prefix: bool = False) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'" + (":*" if prefix else "")


def tsquery_text(words: list[str], *, phrase: bool, spellings: bool, prefix_last: bool) -> str:
    """A to_tsquery() text: the words joined by `<->` (phrase) or `&`, each word optionally an
    alternative of its tone spellings; the last word a prefix if asked."""
    parts = []
    for index, word in enumerate(words):
        prefix = prefix_last and index == len(words) - 1
        if spellings:
            options = sorted(tone_spellings(word))
            parts.append(
                "(" + " | ".join(_lexeme(option, prefix=prefix) for option in options) + ")"
            )
        else:
            parts.append(_lexeme(word, prefix=prefix))
    return (" <-> " if phrase else " & ").join(parts)


def _bonus(vector, tsquery: SearchQuery, points: float):
    return Case(
        When(SearchVectorExact(vector, tsquery), then=Value(points)),
        default=Value(0.0),
        output_field=FloatField(),
    )


class VietnameseRankingMixin:
    """Adds the phrase and exact-spelling bonuses to Wagtail's rank (see the module)."""

    def _build_rank_expression(self, vectors, config):
        rank = super()._build_rank_expression(vectors, config)
        if not isinstance(self.query, PlainText):
            return rank
        words = query_words(self.query.query_string)
        if not words:
            return rank
        prefix_last = self.LAST_TERM_IS_PREFIX
        folded = vectors[0][0]
        for vector, _boost in vectors[1:]:
            folded = folded._combine(vector, "||", False)
        accented = SearchVector(
            Concat(
                F("index_entries__title_text"),
                Value(" "),
                F("index_entries__body_text"),
                output_field=TextField(),
            ),
            config="simple",
        )

        def query(text, query_config):
            return SearchQuery(text, search_type="raw", config=query_config)

        phrase = tsquery_text(words, phrase=True, spellings=False, prefix_last=prefix_last)
        exact_phrase = tsquery_text(words, phrase=True, spellings=True, prefix_last=prefix_last)
        exact_words = tsquery_text(words, phrase=False, spellings=True, prefix_last=prefix_last)
        bonus = _bonus(accented, query(exact_phrase, "simple"), EXACT_PHRASE_BONUS)
        if len(words) > 1:
            bonus = bonus + _bonus(folded, query(phrase, config), PHRASE_BONUS)
        bonus = bonus + _bonus(accented, query(exact_words, "simple"), EXACT_WORDS_BONUS)
        return bonus + rank


class VietnameseSearchQueryCompiler(VietnameseRankingMixin, PostgresSearchQueryCompiler):
    pass


class VietnameseAutocompleteQueryCompiler(
    VietnameseRankingMixin, PostgresAutocompleteQueryCompiler
):
    pass


class VietnameseSearchBackend(PostgresSearchBackend):
    """PostgreSQL's database backend with SEARCH_CONFIG for both search and autocomplete.

    Wagtail's backend always indexes and reads autocomplete (the admin's page search) with
    `simple`; here it uses the same folding configuration as search, so an editor typing
    "thoi khoa" finds "Thời khóa biểu" too.
    """

    query_compiler_class = VietnameseSearchQueryCompiler
    autocomplete_query_compiler_class = VietnameseAutocompleteQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = self.config


SearchBackend = VietnameseSearchBackend
