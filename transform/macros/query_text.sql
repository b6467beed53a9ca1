{#
    Text as a listening query sees it. The Python twin is `ecoute/query/text.py`,
    which documents the steps and normalises the terms of a query; the property
    tests (tests/query) hold both to the same output. Change them together.
#}

{#- Lower case, accents stripped, ligatures spelt out: 'Œuvre Étoile' → 'oeuvre etoile'. -#}
{% macro fold_text(expr) -%}
    replace(replace(replace({{ ecoute.strip_accents('lower(' ~ expr ~ ')') }}, 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')
{%- endmacro %}


{#-
    Words separated by one space, padded, with `#`/`@` kept at the start of
    hashtags and handles: "L'avion #AirAurore en RETARD 😡" → ' l avion #airaurore en retard 😡 '.
    Emoji and the letters of scripts written without spaces (CJK, kana, Thai,
    Lao, Khmer, Myanmar) are words of one character.
-#}
{% macro tagged_text(expr) -%}
    {{ return(adapter.dispatch('tagged_text', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__tagged_text(expr) -%}
    concat(' ', trim(
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
            {{ ecoute.fold_text(expr) }},
            '([\\p{So}\\x{0E00}-\\x{0EFF}\\x{1000}-\\x{109F}\\x{1780}-\\x{17FF}\\x{3040}-\\x{30FF}\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}\\x{FF66}-\\x{FF9D}\\x{20000}-\\x{2FA1F}])', ' $1 '),
            '[^\\p{L}\\p{N}\\p{So}#@]+', ' '),
            '([^ #@])[#@]+', '$1 '),
            '[#@]+( |$)', ' '),
            '[#@]+([#@])', '$1'),
            ' +', ' ')
    ), ' ')
{%- endmacro %}

{% macro duckdb__tagged_text(expr) -%}
    concat(' ', trim(
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
            {{ ecoute.fold_text(expr) }},
            '([\p{So}\x{0E00}-\x{0EFF}\x{1000}-\x{109F}\x{1780}-\x{17FF}\x{3040}-\x{30FF}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}\x{FF66}-\x{FF9D}\x{20000}-\x{2FA1F}])', ' \1 ', 'g'),
            '[^\p{L}\p{N}\p{So}#@]+', ' ', 'g'),
            '([^ #@])[#@]+', '\1 ', 'g'),
            '[#@]+( |$)', ' ', 'g'),
            '[#@]+([#@])', '\1', 'g'),
            ' +', ' ', 'g')
    ), ' ')
{%- endmacro %}


{#- Tagged text without its tags, so a plain word meets 'word', '#word' and '@word'. -#}
{% macro plain_text(tagged_expr) -%}
    replace(replace({{ tagged_expr }}, '#', ''), '@', '')
{%- endmacro %}


{#- The host of a URL, lower case, without 'www.': 'https://www.LeMonde.fr/x' → 'lemonde.fr'. -#}
{% macro url_site(url_expr) -%}
    {{ return(adapter.dispatch('url_site', 'ecoute')(url_expr)) }}
{%- endmacro %}

{% macro default__url_site(url_expr) -%}
    regexp_replace(
        regexp_extract(lower({{ url_expr }}), '^[a-z][a-z0-9+.-]*://([^/?#@]*@)?([^/?#:]+)', 2),
        '^www\\.', ''
    )
{%- endmacro %}

{% macro duckdb__url_site(url_expr) -%}
    regexp_replace(
        regexp_extract(lower({{ url_expr }}), '^[a-z][a-z0-9+.-]*://([^/?#@]*@)?([^/?#:]+)', 2),
        '^www\.', ''
    )
{%- endmacro %}


{#- Text in Unicode normal form C, so `raw:` literals meet composed and decomposed accents alike. -#}
{% macro nfc_text(expr) -%}
    {{ return(adapter.dispatch('nfc_text', 'ecoute')(expr)) }}
{%- endmacro %}

{#- Spark has no NFC function: texts are compared as they arrive. -#}
{% macro default__nfc_text(expr) -%}
    {{ expr }}
{%- endmacro %}

{% macro duckdb__nfc_text(expr) -%}
    nfc_normalize({{ expr }})
{%- endmacro %}
