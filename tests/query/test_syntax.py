"""The query parser: what each construct means, and an exact error for each mistake."""

from __future__ import annotations

import pytest

from ecoute.query.syntax import (
    And,
    Field,
    Near,
    Not,
    Or,
    QuerySyntaxError,
    Raw,
    Words,
    parse,
)
from ecoute.query.topics import query_version


def w(*words: str) -> Words:
    return Words(tuple(words))


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("avion", w("avion")),
        ("Avion RETARDÉ", And((w("avion"), w("retarde")))),
        ('"air aurore"', w("air", "aurore")),
        ("“air aurore”", w("air", "aurore")),
        ("« service client »", w("service", "client")),
        ("l'avion", w("l", "avion")),
        ("Air-Aurore", w("air", "aurore")),
        ("voyag*", w("voyag*")),
        ("c?t", w("c?t")),
        ("#AirAurore @VolAzur", And((w("#airaurore"), w("@volazur")))),
        ("a OR b c", Or((w("a"), And((w("b"), w("c")))))),
        ("a AND NOT b", And((w("a"), Not(w("b"))))),
        ("a NOT b", And((w("a"), Not(w("b"))))),
        ("a NOT NOT b", And((w("a"), Not(Not(w("b")))))),
        ("(a OR b) c", And((Or((w("a"), w("b"))), w("c")))),
        ("a NEAR/3 b", Near((w("a"),), (w("b"),), 3, False)),
        (
            '(retard* OR "en retard") ONEAR/2 vol',
            Near((w("retard*"), w("en", "retard")), (w("vol"),), 2, True),
        ),
        ("lang:FR", Field("lang", ("fr",))),
        ("lang:(fr OR en OR fr)", Field("lang", ("fr", "en"))),
        ("site:https://www.LeMonde.fr/", Field("site", ("lemonde.fr",))),
        ("author:@Hélène_V", Field("author", ("helene_v",))),
        (
            "country:fr platform:reddit",
            And((Field("country", ("fr",)), Field("platform", ("reddit",)))),
        ),
        ('raw:"Orange Business"', Raw("Orange Business")),
        ("raw:Orange", Raw("Orange")),
        ("✈️", w("✈")),
        ("東京", w("東", "京")),
        ("and or not", And((w("and"), w("or"), w("not")))),  # lower case: words
        ('"c\'est quoi?"', w("c", "est", "quoi")),  # inside quotes, ? is punctuation
    ],
)
def test_constructs(query: str, tree) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(
    ("query", "column", "message"),
    [
        ("", 1, "the query is empty"),
        ("   ", 1, "the query is empty"),
        ("avion AND", 10, "expected a term after AND"),
        ("avion AND OR vol", 11, "expected a term after AND, found OR"),
        ("avion OR", 9, "expected a term after OR"),
        ("AND avion", 1, "expected a term before AND"),
        ("NOT avion", 1, "the query only excludes"),
        ("NOT a OR NOT b", 1, "the query only excludes"),
        ("a NOT", 6, "expected a term after NOT"),
        ("(a OR b", 8, "expected ) to close the ( at column 1"),
        ("a OR b)", 7, "this ) closes nothing"),
        ("()", 2, "empty parentheses"),
        ('"air aurore', 1, 'the phrase opened here is never closed with "'),
        ("« air aurore", 1, "never closed with »"),
        ("a NEAR b", 3, "NEAR needs a distance in words, as in NEAR/3"),
        ("a ONEAR b", 3, "ONEAR needs a distance"),
        ("a NEAR/x b", 3, "NEAR needs a distance"),
        ("a near/3 b", 3, "operators are upper case: write NEAR/3"),
        ("a NEAR/500 b", 3, "at most 100 words"),
        ("a NEAR/3", 9, "expected a term or a phrase after NEAR/3"),
        ("a NEAR/3 lang:fr", 10, "expected a term or a phrase after NEAR/3"),
        ("(a AND b) NEAR/3 c", 1, "NEAR/3 joins terms, phrases or (a OR b) groups"),
        ("a NEAR/3 b NEAR/3 c", 12, "cannot follow another proximity"),
        ("colour:red", 1, "unknown field colour:"),
        ("https://x.fr", 1, "unknown field https:"),
        ("lang:french", 6, "expected a two-letter language code"),
        ("a lang:", 8, "expected a value after lang:, found the end"),
        ("country:FRA", 9, "two-letter country code"),
        ("site:nowhere", 6, "expected a domain"),
        ("lang:(fr AND en)", 10, "lists values joined by OR"),
        ("raw:voyag*", 5, "wildcards are not supported in raw:"),
        ("v*", 1, "at least two letters before it"),
        ("*avion", 1, "a wildcard * can only end a word"),
        ("av*ion", 1, "a wildcard * can only end a word"),
        ("??", 1, "needs letters around it"),
        ("!!!", 1, "has no letter, digit or emoji to match"),
        ('a "..."', 3, "has no letter, digit or emoji"),
        ("a\x00b", 2, "U+0000 is not allowed"),
        ("(" * 101 + "a" + ")" * 101, 101, "more than 100 deep"),
    ],
)
def test_errors_say_where_and_what(query: str, column: int, message: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse(query)
    assert message in caught.value.message
    assert caught.value.position + 1 == column, caught.value.message


def test_long_queries_parse_without_recursion() -> None:
    words = [f"mot{i}" for i in range(1500)]
    assert len(parse(" OR ".join(words)).items) == 1500
    assert parse("a " + "NOT " * 3000 + "b") is not None
    with pytest.raises(QuerySyntaxError, match="longer than"):
        parse("a " * 20_000)


def test_version_ignores_rewording_that_matches_the_same() -> None:
    same = [
        '"Air Aurore" OR #AirAurore',
        '"air  aurore"   OR   #airaurore',
        "“AIR AURORE” OR #AírAurore",
    ]
    assert len({query_version(parse(query)) for query in same}) == 1
    assert query_version(parse('"air aurore" OR #airaurore')) != query_version(
        parse('"air aurore" OR @airaurore')
    )
