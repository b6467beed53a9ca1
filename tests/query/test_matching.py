"""Queries run by the warehouse match what the reference evaluator says, in every language.

Each check runs the real thing: the dbt model's SQL normalises the texts in
DuckDB, the compiled predicate selects from it, and the result must equal both
the expected answer (worked examples) and the Python reference evaluator
(generated queries and texts, hostile input).
"""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ecoute.query.reference import Mention, matches
from ecoute.query.sql import to_sql
from ecoute.query.syntax import QuerySyntaxError, parse
from ecoute.query.text import plain_text, tagged_text

# --- worked examples --------------------------------------------------------------------

EXAMPLES = [
    # French: accents, elisions, ligatures, hyphens, wildcards
    ("avion", "L'avion est encore en retard", True),
    ("avion", "Un aviondelta", False),
    ("retard*", "Vol RETARDÉS de 2h", True),
    ("retarde", "Vol retardé", True),
    ('"service client"', "Le Service-Client ne répond pas", True),
    ("oeuvre", "un vrai chef-d'œuvre", True),
    ("cafe", "Un CAFÉ à bord", True),
    ("raw:café", "Un café à bord", True),
    ("raw:café", "Un cafe à bord", False),
    ("raw:café", "Un CAFÉ à bord", False),
    ("raw:Orange", "Orange augmente ses prix", True),
    ("raw:Orange", "une orange pressée", False),
    ("raw:Orange", "Oranges pressées", False),
    ('raw:"Air Aurore"', "Merci Air Aurore !", True),
    ("l'avion", "l’avion de 8h", True),
    # Hashtags and handles
    ("aeroport", "Bloqués à l'#Aéroport", True),
    ("#aéroport", "#Aeroport de Nice", True),
    ("#aeroport", "aeroport de Nice", False),
    ("@airaurore", "@AirAurore merci", True),
    ("@airaurore", "#AirAurore merci", False),
    ("airaurore", "@AirAurore merci", True),
    ("#Été2026", "#ete2026 à Nice", True),
    ("#airaurore", "jean#airaurore", False),
    # Italian, German, Spanish, Portuguese, Dutch
    ("aereo", "Il ritardo dell'aereo", True),
    ("aeroporto", "all’aeroporto di Roma", True),
    ("verspatung", "Schon wieder Verspätung!", True),
    ("grosse", "Welche Größe?", True),
    ("flughafen", "Flughafenstreik heute", False),
    ("flughafen*", "Flughafenstreik heute", True),
    ('"atencion al cliente"', "Atención al cliente pésima", True),
    ("cancelad?", "Vuelo cancelado", True),
    ("cancelad?", "Vuelos cancelados", False),
    ("nao", "Não recomendo", True),
    ("vertraging", "Weer vertraging bij Schiphol", True),
    # Emoji, other scripts
    ("😡", "Vol annulé😡😡", True),
    ("✈️", "✈ départ à l'heure", True),
    ("👍", "Top 👍🏽", True),
    ("東京", "東京に行く", True),
    ("京に", "東京に行く", True),
    ("ไทย", "บินไทย", True),
    # Proximity
    ("retard NEAR/2 vol", "vol encore en retard", True),
    ("retard NEAR/2 vol", "vol de Nice vers Paris en retard", False),
    ("vol ONEAR/3 retard", "vol en retard", True),
    ("vol ONEAR/3 retard", "retard du vol", False),
    ("vol NEAR/3 retard", "retard du vol", True),
    ('"air aurore" NEAR/0 #fail', "Air Aurore #fail encore", True),
    ("(retard OR annule) NEAR/1 (vol OR avion)", "avion annulé", True),
    ("retard NEAR/1 retard", "retard", False),
    # Long OR-lists (one regular expression) keep word boundaries and wildcards
    ('retard* OR annulé OR delay OR "air aurore"', "Vol RETARDÉS", True),
    ('retard OR annulé OR delay OR "air aurore"', "Vol retardé", False),
    ('retard OR annulé OR delay OR "air aurore"', "vive air-aurore", True),
    ("retard OR annulé OR delay OR #fail OR #bof OR #top", "encore un #fail", True),
    ("retard OR annulé OR delay OR #fail OR #bof OR #top", "fail total", False),
    # Boolean logic
    ("avion NOT retard", "avion à l'heure", True),
    ("avion NOT retard", "avion en retard", False),
    ("(avion OR vol) AND NOT (retard OR annule)", "vol annulé", False),
]


@pytest.mark.parametrize(("query", "text", "expected"), EXAMPLES)
def test_worked_examples(matchable, query: str, text: str, expected: bool) -> None:
    node = parse(query)
    mention = Mention(text)
    matchable.load([mention])
    assert matches(node, mention) is expected, "reference evaluator"
    assert (matchable.matching(to_sql(node)) == {"m0"}) is expected, to_sql(node)


FIELD_EXAMPLES = [
    ("avion lang:fr", Mention("avion", lang="fr"), True),
    ("avion lang:fr", Mention("avion", lang="en"), False),
    ("avion NOT lang:en", Mention("avion", lang=None), True),  # unknown is not English
    ("avion NOT site:lemonde.fr", Mention("avion", url=None), True),
    ("site:lemonde.fr", Mention("x", url="https://www.LeMonde.fr/eco/a.html"), True),
    ("site:lemonde.fr", Mention("x", url="https://blog.lemonde.fr/a"), True),
    ("site:lemonde.fr", Mention("x", url="https://notlemonde.fr/a"), False),
    ("author:airaurore", Mention("x", author_handle="@AirAurore"), True),
    ("author:@Hélène", Mention("x", author_handle="helene"), True),
    ("country:fr", Mention("x", country="FR"), True),
    ("platform:(reddit OR x)", Mention("x", platform="Reddit"), True),
    ("platform:(reddit OR x)", Mention("x", platform="news"), False),
]


@pytest.mark.parametrize(("query", "mention", "expected"), FIELD_EXAMPLES)
def test_field_examples(matchable, query: str, mention: Mention, expected: bool) -> None:
    node = parse(query)
    matchable.load([mention])
    assert matches(node, mention) is expected, "reference evaluator"
    assert (matchable.matching(to_sql(node)) == {"m0"}) is expected, to_sql(node)


# --- the SQL normalisation and its Python twin ------------------------------------------

ALPHABET = (
    "aAzZéÉèàçÇœŒæßẞöÖüñãõ"  # Latin with accents and ligatures
    "İıΣσςΩ"  # case-mapping corner cases
    "東京に行くไทย한국"  # unspaced scripts, Hangul
    "😡👍🏽✈️❤️\u200d°©"  # emoji, modifiers, joiner, other symbols
    "0123456789²"
    " \t\n'’-_.,;:!?#@#@()[]\"«»/\\*%$+"
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=1, max_size=8))
def test_sql_normalisation_equals_python(matchable, texts: list[str]) -> None:
    matchable.load([Mention(text) for text in texts])
    tagged = matchable.column("tagged_text")
    plain = matchable.column("plain_text")
    for mention_id, mention in matchable.mentions.items():
        # The model reads title and text together, title first (here null).
        assert tagged[mention_id] == tagged_text(" " + mention.text), repr(mention.text)
        assert plain[mention_id] == plain_text(tagged_text(" " + mention.text))


# --- generated queries against generated texts ------------------------------------------

VOCABULARY = [
    "avion", "Avión", "vol", "retard", "retardé", "RETARDS", "annulé", "aurore", "Air",
    "AirAurore", "volazur", "ritardo", "dell'aereo", "Verspätung", "Größe", "cœur",
    "atención", "cliente", "não", "vertraging", "prix", "😡", "👍", "✈️", "東京", "fail",
    "été", "l'avion", "Air-Aurore", "service", "client", "nul", "top", "merci",
]  # fmt: skip
SEPARATORS = [" ", "  ", ", ", "! ", " #", " @", "'", "’", "-", "\n", " (", ") ", "... ", "#"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=10))
    out = ""
    for word in words:
        shape = draw(st.sampled_from([str, str.upper, str.lower, str.title]))
        out += draw(st.sampled_from(SEPARATORS)) + shape(word)
    return out


@st.composite
def terms(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(VOCABULARY))
    form = draw(st.integers(0, 7))
    if form == 1 and len(word) > 3:
        return word[: draw(st.integers(2, len(word) - 1))] + "*"
    if form == 2 and len(word) > 2:
        at = draw(st.integers(0, len(word) - 1))
        return word[:at] + "?" + word[at + 1 :]
    if form == 3:
        return "#" + word
    if form == 4:
        return "@" + word
    if form == 5:
        return '"' + word + " " + draw(st.sampled_from(VOCABULARY)) + '"'
    if form == 6:
        return "raw:" + ('"' + word + '"' if "'" in word else word)
    return word


def queries() -> st.SearchStrategy[str]:
    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, inner).map(lambda pair: f"{pair[0]} {pair[1]}"),
            st.tuples(inner, inner).map(lambda pair: f"({pair[0]} OR {pair[1]})"),
            st.tuples(inner, inner).map(lambda pair: f"{pair[0]} AND NOT {pair[1]}"),
            st.tuples(inner, inner).map(lambda pair: f"({pair[0]}) AND ({pair[1]})"),
            # Topics are mostly long OR-lists, which compile to one alternation.
            st.lists(inner, min_size=3, max_size=6).map(lambda items: " OR ".join(items)),
        )

    near = st.tuples(terms(), st.sampled_from(["NEAR", "ONEAR"]), st.integers(0, 4), terms()).map(
        lambda t: f"{t[0]} {t[1]}/{t[2]} {t[3]}"
    )
    return st.recursive(st.one_of(terms(), near), extend, max_leaves=6)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(queries(), st.lists(texts(), min_size=1, max_size=12))
def test_compiled_sql_agrees_with_reference(matchable, query: str, corpus: list[str]) -> None:
    try:
        node = parse(query)
    except QuerySyntaxError:
        assume(False)
        return
    mentions = [Mention(text) for text in corpus]
    matchable.load(mentions)
    expected = {mid for mid, mention in matchable.mentions.items() if matches(node, mention)}
    assert matchable.matching(to_sql(node)) == expected, (query, to_sql(node))


# --- hostile input ------------------------------------------------------------------------

HOSTILE = [
    "'); drop table matchable; --",
    "avion'); drop table matchable; --",
    '"\'); drop table matchable; --"',
    'raw:"\'; select 1; --"',
    "a\\' OR 1=1 --",
    "\\\\",
    "'''''",
    '"a\\" OR b"',
    "(.*) [a-z]+ ^$ | \\d{3}",
    'raw:"(.*)+$"',
    'raw:"\\x{41}"',
    "$$ $1 \\1 %s {0} {{ var }} {% do %}",
    "site:a'b.fr",
    "author:'); drop",
    "lang:(fr OR 'en')",
    "((((((((((((((((((((a))))))))))))))))))))",
    "a" + " OR a" * 3000,
    "NOT " * 5000 + "a",
]
HOSTILE_CORPUS = [
    "avion'); drop table matchable; --",
    "Orange (.*) [a-z]+ ^$ | \\d{3}",
    "'; select 1; --",
    "a\\' OR 1=1 -- \\x{41}",
    "rien à voir",
]


def _check_hostile(matchable, query: str) -> None:
    try:
        node = parse(query)
    except QuerySyntaxError as error:
        assert error.message and 0 <= error.position <= len(query)
        return
    predicate = to_sql(node)
    statement = f"select mention_id from matchable where {predicate}"
    assert len(duckdb.extract_statements(statement)) == 1, predicate
    expected = {mid for mid, mention in matchable.mentions.items() if matches(node, mention)}
    assert matchable.matching(predicate) == expected, (query, predicate)


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_fail_clearly_or_match_correctly(matchable, query: str) -> None:
    matchable.load([Mention(text) for text in HOSTILE_CORPUS])
    _check_hostile(matchable, query)
    assert matchable.connection.execute("select count(*) from matchable").fetchone() == (
        len(HOSTILE_CORPUS),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    *list("\"'();\\*?#@:/.|[]{}^$+-%_ "),
                    " AND ",
                    " OR ",
                    " NOT ",
                    " NEAR/2 ",
                    "raw:",
                    "site:",
                    "lang:",
                ]
            ),
            st.characters(codec="utf-8"),
            st.sampled_from(VOCABULARY),
        ),
        max_size=30,
    ).map("".join)
)
def test_fuzzed_queries_never_crash_nor_escape_the_predicate(matchable, query: str) -> None:
    if not matchable.mentions or len(matchable.mentions) != len(HOSTILE_CORPUS):
        matchable.load([Mention(text) for text in HOSTILE_CORPUS])
    _check_hostile(matchable, query)
