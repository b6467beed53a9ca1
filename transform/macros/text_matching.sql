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

    With `strip_tokens`, accents are stripped from the text only when it holds a
    combining mark (which stripping removes, joining the letters around it);
    elsewhere stripping changes letters one by one and never where a token
    starts or ends, so it is left to each token (`strip_token_accents`): the
    same tokens, and only the few that are not plain ASCII pay for it.
-#}
{% macro normalize_for_sentiment(expr, strip_tokens=false) -%}
    {{ return(adapter.dispatch('normalize_for_sentiment', 'ecoute')(expr, strip_tokens)) }}
{%- endmacro %}

{#- The portable `strip_accents` only translates letters, so with `strip_tokens` it is all left to the tokens. -#}
{% macro default__normalize_for_sentiment(expr, strip_tokens=false) -%}
    {%- set lowered = 'lower(' ~ expr ~ ')' -%}
    trim(regexp_replace(
        regexp_replace({{ lowered if strip_tokens else ecoute.strip_accents(lowered) }}, '(\\p{So})', ' $1 '),
        '[^\\p{L}\\p{N}\\p{So}]+', ' '
    ))
{%- endmacro %}

{#-
    The words and pictographs are extracted rather than the rest replaced: the
    same text, but a run of words separated by single spaces (most of a text)
    is one match, and each match costs more than its length.
-#}
{% macro duckdb__normalize_for_sentiment(expr, strip_tokens=false) -%}
    {%- if strip_tokens -%}
        {%- set stripped -%}
            case when regexp_matches(lower({{ expr }}), '\p{M}') then strip_accents(lower({{ expr }})) else lower({{ expr }}) end
        {%- endset -%}
    {%- else -%}
        {%- set stripped = 'strip_accents(lower(' ~ expr ~ '))' -%}
    {%- endif -%}
    array_to_string(regexp_extract_all({{ stripped }}, '[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*|\p{So}'), ' ')
{%- endmacro %}


{#-
    A token of a text normalised by `normalize_for_sentiment(..., strip_tokens=true)`
    with its accents stripped, as the whole text would have had them.
-#}
{% macro strip_token_accents(token) -%}
    {{ return(adapter.dispatch('strip_token_accents', 'ecoute')(token)) }}
{%- endmacro %}

{% macro default__strip_token_accents(token) -%}
    {{ ecoute.strip_accents(token) }}
{%- endmacro %}

{% macro duckdb__strip_token_accents(token) -%}
    case when {{ ecoute.is_ascii(token) }} then {{ token }} else strip_accents({{ token }}) end
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

    With `compose_tokens`, the text is composed (NFC) only when it holds a
    combining mark, where composition can join or remove a word ("=" followed
    by U+0338 is "≠"); elsewhere NFC changes letters within a word and never
    where one starts or ends, so it is left to each token (`compose_token`):
    the same tokens, and only the few that are not plain ASCII pay for it.
-#}
{% macro normalize_for_language(expr, compose_tokens=false) -%}
    {{ return(adapter.dispatch('normalize_for_language', 'ecoute')(expr, compose_tokens)) }}
{%- endmacro %}

{#- Without NFC (`nfc_text`) on Spark, `compose_tokens` changes nothing there. -#}
{% macro default__normalize_for_language(expr, compose_tokens=false) -%}
    {%- set lowered = 'lower(' ~ expr ~ ')' -%}
    trim(regexp_replace({{ lowered if compose_tokens else ecoute.nfc_text(lowered) }}, '[^\\p{L}\\p{M}\\p{N}]+', ' '))
{%- endmacro %}

{#-
    Separators are replaced where two or more stand together, or where one is
    not already a space: the same text as replacing every run, but most runs
    are a single space between two words, and each replacement costs.
-#}
{% macro duckdb__normalize_for_language(expr, compose_tokens=false) -%}
    {%- if compose_tokens -%}
        {%- set composed -%}
            case when regexp_matches(lower({{ expr }}), '\p{M}') then nfc_normalize(lower({{ expr }})) else lower({{ expr }}) end
        {%- endset -%}
    {%- else -%}
        {%- set composed = 'nfc_normalize(lower(' ~ expr ~ '))' -%}
    {%- endif -%}
    trim(regexp_replace({{ composed }}, '[^\p{L}\p{M}\p{N}]{2,}|[^\p{L}\p{M}\p{N} ]', ' ', 'g'))
{%- endmacro %}


{#-
    A token of a text normalised by `normalize_for_language(..., compose_tokens=true)`
    in NFC, as the whole text would have had it.
-#}
{% macro compose_token(token) -%}
    {{ return(adapter.dispatch('compose_token', 'ecoute')(token)) }}
{%- endmacro %}

{% macro default__compose_token(token) -%}
    {{ ecoute.nfc_text(token) }}
{%- endmacro %}

{% macro duckdb__compose_token(token) -%}
    case when {{ ecoute.is_ascii(token) }} then {{ token }} else nfc_normalize({{ token }}) end
{%- endmacro %}


{#- Whether a text is plain ASCII (as many bytes as characters): no accent, already in NFC. -#}
{% macro is_ascii(expr) -%}
    {{ return(adapter.dispatch('is_ascii', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__is_ascii(expr) -%}
    octet_length({{ expr }}) = length({{ expr }})
{%- endmacro %}

{% macro duckdb__is_ascii(expr) -%}
    strlen({{ expr }}) = length({{ expr }})
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


{#- The number of elements of an array. -#}
{% macro array_length(array_expr) -%}
    {{ return(adapter.dispatch('array_length', 'ecoute')(array_expr)) }}
{%- endmacro %}

{% macro default__array_length(array_expr) -%}
    size({{ array_expr }})
{%- endmacro %}

{% macro duckdb__array_length(array_expr) -%}
    len({{ array_expr }})
{%- endmacro %}
