{#
    Pieces of the lexicon sentiment scorer (`int_mentions_scored`). As in
    `text_matching.sql`, the `default__` versions are written for Spark SQL
    (Java regular expressions, backslashes escaped in string literals).
#}

{#-
    Emoticons, which normalisation would erase as punctuation, become the words
    `emoticonpositive` and `emoticonnegative` (polarities in the `any` lexicon).
    An emoticon stands alone between spaces, so "http://" or "x:D" are left
    alone. Twice, because two emoticons in a row share the space between them.
-#}
{% macro mark_emoticons(expr) -%}
    {{ return(adapter.dispatch('mark_emoticons', 'ecoute')(expr)) }}
{%- endmacro %}

{#- The two emoticon patterns (regular expressions, unquoted): smiles, then frowns. -#}
{% macro _emoticon_patterns() -%}
    {{ return((
        "[:;=8][-o^']?[)\\]dDpP3*]+|[xX][dD]+|<3+|\\^_*\\^|\\(+[-']?[:;=]",
        ">?[:;=][-']?[(\\[/|{@]+|:'\\(+|[dD]:|</3|-_+-|\\)+[-']?[:;=]",
    )) }}
{%- endmacro %}

{#-
    Most texts have no emoticon: one search for either kind spares them the
    four replacements (which change nothing where neither kind is found).
-#}
{% macro duckdb__mark_emoticons(expr) -%}
    {%- set positive_emoticons, negative_emoticons = ecoute._emoticon_patterns() -%}
    {%- set positive = "(^|\\s)(" ~ positive_emoticons ~ ")(\\s|$)" -%}
    {%- set negative = "(^|\\s)(" ~ negative_emoticons ~ ")(\\s|$)" -%}
    {%- set either = "(^|\\s)(" ~ positive_emoticons ~ "|" ~ negative_emoticons ~ ")(\\s|$)" -%}
    {%- set once -%}
        regexp_replace(regexp_replace({{ expr }}, '{{ positive | replace("'", "''") }}', '\1 emoticonpositive \3', 'g'), '{{ negative | replace("'", "''") }}', '\1 emoticonnegative \3', 'g')
    {%- endset -%}
    case
        when regexp_matches({{ expr }}, '{{ either | replace("'", "''") }}')
            then regexp_replace(regexp_replace({{ once }}, '{{ positive | replace("'", "''") }}', '\1 emoticonpositive \3', 'g'), '{{ negative | replace("'", "''") }}', '\1 emoticonnegative \3', 'g')
        else {{ expr }}
    end
{%- endmacro %}

{% macro default__mark_emoticons(expr) -%}
    {%- set positive_emoticons, negative_emoticons = ecoute._emoticon_patterns() -%}
    {%- set positive = "(^|\\\\s)(" ~ positive_emoticons | replace("\\", "\\\\") ~ ")(?=\\\\s|$)" -%}
    {%- set negative = "(^|\\\\s)(" ~ negative_emoticons | replace("\\", "\\\\") ~ ")(?=\\\\s|$)" -%}
    regexp_replace(regexp_replace({{ expr }}, '{{ positive | replace("'", "\\'") }}', '$1 emoticonpositive '), '{{ negative | replace("'", "\\'") }}', '$1 emoticonnegative ')
{%- endmacro %}


{#- Whether a normalised token has a run of three or more of one letter ("trooop", "noooon"). -#}
{% macro has_repeated_letters(token) -%}
    {{ return(adapter.dispatch('has_repeated_letters', 'ecoute')(token)) }}
{%- endmacro %}

{% macro default__has_repeated_letters(token) -%}
    {{ token }} rlike '([a-z])\\1\\1'
{%- endmacro %}

{#- RE2 has no back-references: one alternative per letter. -#}
{% macro duckdb__has_repeated_letters(token) -%}
    regexp_matches({{ token }}, '
    {%- for letter in 'abcdefghijklmnopqrstuvwxyz' -%}
        {{ letter * 3 }}{{ '|' if not loop.last }}
    {%- endfor -%}
    ')
{%- endmacro %}


{#- A token with every run of one letter squeezed to one ("trooop" → "trop", "good" → "god"). -#}
{% macro squeeze_repeats(token) -%}
    {{ return(adapter.dispatch('squeeze_repeats', 'ecoute')(token)) }}
{%- endmacro %}

{% macro default__squeeze_repeats(token) -%}
    regexp_replace({{ token }}, '(.)\\1+', '$1')
{%- endmacro %}

{#- Each letter is compared with the one before it (`substr` is by character, as the split is). -#}
{% macro duckdb__squeeze_repeats(token) -%}
    array_to_string(list_filter(
        string_split({{ token }}, ''),
        lambda letter, i: i = 1 or letter <> substr({{ token }}, i - 1, 1)
    ), '')
{%- endmacro %}


{#-
    The label of a sentiment score: positive above `sentiment_positive_threshold`,
    negative below `sentiment_negative_threshold` (dbt vars), neutral between.
-#}
{% macro sentiment_label(score) -%}
    case
        when {{ score }} >= {{ var('sentiment_positive_threshold') }} then 'positive'
        when {{ score }} <= {{ var('sentiment_negative_threshold') }} then 'negative'
        else 'neutral'
    end
{%- endmacro %}



{#-
    The tokens of a text as the sentiment scorers read it (an array): emoticons
    marked, then normalised and split. Training and scoring of the learned
    layer read tokens through this one macro; the lexicon scorer
    (`int_mentions_scored`) splits the same way and strips accents after
    exploding the tokens, where it needs the positions anyway.
-#}
{% macro sentiment_tokens(text) -%}
    {{ return(adapter.dispatch('sentiment_tokens', 'ecoute')(text)) }}
{%- endmacro %}

{% macro default__sentiment_tokens(text) -%}
    {{ ecoute.split_tokens(ecoute.normalize_for_sentiment(ecoute.mark_emoticons(text))) }}
{%- endmacro %}

{#-
    The same tokens by the faster route: accents are stripped from the whole
    text only when it holds a combining mark, else token by token, and only
    from the tokens that are not plain ASCII (see `normalize_for_sentiment`).
-#}
{% macro duckdb__sentiment_tokens(text) -%}
    list_transform(
        {{ ecoute.split_tokens(ecoute.normalize_for_sentiment(ecoute.mark_emoticons(text), strip_tokens=true)) }},
        lambda token: {{ ecoute.strip_token_accents('token') }}
    )
{%- endmacro %}
