{#
    Text as the sentiment scorer sees it (listening queries have their own
    normalisation, in `query_text.sql`). Both sides of a comparison (token and
    lexicon term) go through the same macro, whatever the case or accents.

    The `default__` versions are written for Spark SQL (the next engine): Java
    regular expressions, backslashes escaped in string literals, `$1` references.
#}

{#-
    Accents removed from lower-case text. The portable version covers the Latin
    letters of the languages we listen to; DuckDB's `strip_accents` covers all.
-#}
{% macro strip_accents(expr) -%}
    {{ return(adapter.dispatch('strip_accents', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__strip_accents(expr) -%}
    translate({{ expr }}, 'àáâãäåāçćčèéêëēėęìíîïīñńòóôõöōùúûüūýÿžš', 'aaaaaaaccceeeeeeeiiiiinnoooooouuuuuyyzs')
{%- endmacro %}

{% macro duckdb__strip_accents(expr) -%}
    strip_accents({{ expr }})
{%- endmacro %}


{#- Whether `haystack` contains `needle` as a substring (no pattern semantics). -#}
{% macro contains_text(haystack, needle) -%}
    {{ return(adapter.dispatch('contains_text', 'ecoute')(haystack, needle)) }}
{%- endmacro %}

{% macro default__contains_text(haystack, needle) -%}
    {{ dbt.position(needle, haystack) }} > 0
{%- endmacro %}

{% macro duckdb__contains_text(haystack, needle) -%}
    contains({{ haystack }}, {{ needle }})
{%- endmacro %}


{#-
    Text as the sentiment scorer reads it: like `normalize_for_matching` but
    emoji and other pictographs (Unicode "other symbol") are kept, each as a token
    of its own, because "😡" says as much as "furious". Skin-tone modifiers and
    variation selectors are dropped ("👍🏽" → "👍", "❤️" → "❤"). Not padded.
-#}
{% macro normalize_for_sentiment(expr) -%}
    {{ return(adapter.dispatch('normalize_for_sentiment', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__normalize_for_sentiment(expr) -%}
    trim(regexp_replace(
        regexp_replace({{ ecoute.strip_accents('lower(' ~ expr ~ ')') }}, '(\\p{So})', ' $1 '),
        '[^\\p{L}\\p{N}\\p{So}]+', ' '
    ))
{%- endmacro %}

{% macro duckdb__normalize_for_sentiment(expr) -%}
    trim(regexp_replace(
        regexp_replace(strip_accents(lower({{ expr }})), '(\p{So})', ' \1 ', 'g'),
        '[^\p{L}\p{N}\p{So}]+', ' ', 'g'
    ))
{%- endmacro %}


{#- The tokens of a text normalised by `normalize_for_sentiment`, as an array. -#}
{% macro split_tokens(normalized_expr) -%}
    {{ return(adapter.dispatch('split_tokens', 'ecoute')(normalized_expr)) }}
{%- endmacro %}

{% macro default__split_tokens(normalized_expr) -%}
    split({{ normalized_expr }}, ' ')
{%- endmacro %}

{% macro duckdb__split_tokens(normalized_expr) -%}
    string_split({{ normalized_expr }}, ' ')
{%- endmacro %}


{#-
    Select-list items that turn one row with an array into one row per element,
    with the element's position (`value_name`, `position_name`). Positions are
    only compared with each other, so their base (0 or 1) does not matter.
-#}
{% macro unnest_with_position(array_expr, value_name, position_name) -%}
    {{ return(adapter.dispatch('unnest_with_position', 'ecoute')(array_expr, value_name, position_name)) }}
{%- endmacro %}

{% macro default__unnest_with_position(array_expr, value_name, position_name) -%}
    posexplode({{ array_expr }}) as ({{ position_name }}, {{ value_name }})
{%- endmacro %}

{% macro duckdb__unnest_with_position(array_expr, value_name, position_name) -%}
    unnest({{ array_expr }}) as {{ value_name }},
    generate_subscripts({{ array_expr }}, 1) as {{ position_name }}
{%- endmacro %}


{#-
    Text as the language identifier reads it: lower case and NFC, accents kept
    ("não", "für", "più" tell languages apart), every run of characters other
    than letters, marks and digits a single space. Not padded.
-#}
{% macro normalize_for_language(expr) -%}
    {{ return(adapter.dispatch('normalize_for_language', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__normalize_for_language(expr) -%}
    trim(regexp_replace({{ ecoute.nfc_text('lower(' ~ expr ~ ')') }}, '[^\\p{L}\\p{M}\\p{N}]+', ' '))
{%- endmacro %}

{% macro duckdb__normalize_for_language(expr) -%}
    trim(regexp_replace({{ ecoute.nfc_text('lower(' ~ expr ~ ')') }}, '[^\p{L}\p{M}\p{N}]+', ' ', 'g'))
{%- endmacro %}


{#- Whether a text holds a digit (any script). -#}
{% macro has_digit(expr) -%}
    {{ return(adapter.dispatch('has_digit', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__has_digit(expr) -%}
    {{ expr }} rlike '\\p{N}'
{%- endmacro %}

{% macro duckdb__has_digit(expr) -%}
    regexp_matches({{ expr }}, '\p{N}')
{%- endmacro %}
