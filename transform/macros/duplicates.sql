{#
    Duplicate detection (`int_mentions_fingerprinted`, `int_fingerprints_near_matched`):
    the text two copies share once what copying changes is removed, and the
    MinHash functions that find near copies without comparing every pair.

    The `default__` versions are written for Spark SQL (the next engine): Java
    regular expressions, backslashes escaped in string literals, `xxhash64`
    for 64-bit hashes, higher-order functions with `x -> …` lambdas.
#}

{#-
    Text as duplicate detection compares it: URLs and @handles removed (a copy
    keeps the words, not the link or whom it answers), case, accents and
    ligatures folded, every run of characters other than letters, digits and
    pictographs one space (punctuation, `#`, line breaks), trimmed, and a
    leading "RT" dropped: "RT @airaurore: Vol ANNULÉ… https://t.co/x" → 'vol annule'.
    Emoji stay: they are part of what people copy. Empty when nothing is left.
-#}
{% macro duplicate_text(expr) -%}
    {{ return(adapter.dispatch('duplicate_text', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__duplicate_text(expr) -%}
    regexp_replace(
        trim(regexp_replace(
            {{ ecoute.fold_text("regexp_replace(" ~ expr ~ ", '(?i)([a-z][a-z0-9+.-]*://|www\\\\.)\\\\S+|@[\\\\w.]+', ' ')") }},
            '[^\\p{L}\\p{N}\\p{So}]+', ' '
        )),
        '^(rt )+', ''
    )
{%- endmacro %}

{% macro duckdb__duplicate_text(expr) -%}
    regexp_replace(
        trim(regexp_replace(
            {{ ecoute.fold_text("regexp_replace(" ~ expr ~ ", '([a-z][a-z0-9+.-]*://|www\\.)\\S+|@[\\w.]+', ' ', 'gi')") }},
            '[^\p{L}\p{N}\p{So}]+', ' ', 'g'
        )),
        '^(rt )+', ''
    )
{%- endmacro %}


{#- Whether a text holds a URL ('https://…', 'www.…'). -#}
{% macro has_url(expr) -%}
    {{ return(adapter.dispatch('has_url', 'ecoute')(expr)) }}
{%- endmacro %}

{% macro default__has_url(expr) -%}
    {{ expr }} rlike '(?i)[a-z][a-z0-9+.-]*://\\S|www\\.\\S'
{%- endmacro %}

{% macro duckdb__has_url(expr) -%}
    regexp_matches({{ expr }}, '[a-z][a-z0-9+.-]*://\S|www\.\S', 'i')
{%- endmacro %}


{#- The number of elements of an array. -#}
{#-
    The distinct 64-bit hashes of the word pairs ("shingles") of an array of
    words: ['vol', 'annule', 'ce', 'soir'] → hashes of 'vol annule', 'annule ce',
    'ce soir'. `tokens` must be a column (it is read several times).
-#}
{% macro word_pair_hashes(tokens) -%}
    {{ return(adapter.dispatch('word_pair_hashes', 'ecoute')(tokens)) }}
{%- endmacro %}

{% macro default__word_pair_hashes(tokens) -%}
    array_distinct(transform(
        sequence(1, size({{ tokens }}) - 1),
        i -> xxhash64(concat(element_at({{ tokens }}, i), ' ', element_at({{ tokens }}, i + 1)))
    ))
{%- endmacro %}

{% macro duckdb__word_pair_hashes(tokens) -%}
    list_distinct(list_transform(
        range(1, len({{ tokens }})),
        lambda i: hash({{ tokens }}[i] || ' ' || {{ tokens }}[i + 1])
    ))
{%- endmacro %}


{#-
    One MinHash of a set of hashes: the smallest of the set's hashes re-hashed
    with `seed`. Two sets have the same MinHash with a probability equal to
    their Jaccard similarity; each seed is an independent draw.
-#}
{% macro min_hash(hashes, seed) -%}
    {{ return(adapter.dispatch('min_hash', 'ecoute')(hashes, seed)) }}
{%- endmacro %}

{% macro default__min_hash(hashes, seed) -%}
    array_min(transform({{ hashes }}, h -> xxhash64(h, {{ seed }})))
{%- endmacro %}

{% macro duckdb__min_hash(hashes, seed) -%}
    list_min(list_transform({{ hashes }}, lambda h: hash(h, {{ seed }})))
{%- endmacro %}


{#- One 64-bit hash of several values (an LSH band's key from its MinHashes). -#}
{% macro hash_values(exprs) -%}
    {{ return(adapter.dispatch('hash_values', 'ecoute')(exprs)) }}
{%- endmacro %}

{% macro default__hash_values(exprs) -%}
    xxhash64({{ exprs | join(', ') }})
{%- endmacro %}

{% macro duckdb__hash_values(exprs) -%}
    hash({{ exprs | join(', ') }})
{%- endmacro %}


{#- How many elements two arrays of distinct values have in common. -#}
{% macro array_overlap_count(left, right) -%}
    {{ return(adapter.dispatch('array_overlap_count', 'ecoute')(left, right)) }}
{%- endmacro %}

{% macro default__array_overlap_count(left, right) -%}
    size(array_intersect({{ left }}, {{ right }}))
{%- endmacro %}

{% macro duckdb__array_overlap_count(left, right) -%}
    len(list_intersect({{ left }}, {{ right }}))
{%- endmacro %}
