"""HTML fragments as services send them, to the text the marts show."""

from __future__ import annotations

import polars as pl

from ingestion.common.text import html_to_text


def texts(*fragments: str | None) -> list[str | None]:
    return html_to_text(pl.Series("content", fragments)).to_list()


def test_tags_go_and_block_ends_become_lines() -> None:
    assert texts("<p>Vol <b>Air Aurore</b> annulé</p><p>Encore !</p>") == [
        "Vol Air Aurore annulé\nEncore !"
    ]
    assert texts(
        'Merci <a href="https://x.example/?a=1&amp;b=2" rel="nofollow">@volazur</a><br/>à bientôt'
    ) == ["Merci @volazur\nà bientôt"]


def test_entities_are_decoded_once_named_or_numeric() -> None:
    assert texts("&eacute;t&eacute; &#8217;&#x2019; &amp;lt;b&amp;gt; &nbsp;ok") == [
        "été ’’ &lt;b&gt; ok"
    ]


def test_what_only_looks_like_html_is_kept() -> None:
    assert texts("I <3 this", "a < b > c", "5 &euros", None) == [
        "I <3 this",
        "a < b > c",
        "5 &euros",
        None,
    ]


def test_scripts_styles_and_comments_leave_nothing() -> None:
    assert texts("<style>p{}</style>avant<!-- pub --><script>alert(1)</script> après") == [
        "avant après"
    ]
