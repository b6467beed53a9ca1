-- One row per (mention, term, kind): the hashtags, @handles, keywords and
-- two-word phrases of a mention, for word clouds and trending terms.
--
-- Terms are read from `int_mentions_matchable.tagged_text` (lower case, accents
-- folded, "#" and "@" kept at the start of a word, one space between words), so
-- "#AirAurore" and "#airaurore" are one hashtag and "Annulé" and "annule" one
-- keyword. A keyword has at least `min_keyword_length` letters, no digit, and
-- is no stop word of any language (`stg_language__stop_words`); a bigram is two
-- keywords next to each other. A term repeated in a mention counts once.

{%- set min_keyword_length = 3 %}

with tokenized as (

    select
        mention_id,
        {{ split_tokens('trim(tagged_text)') }} as tokens
    from {{ ref('int_mentions_matchable') }}

),

tokens as (

    select
        mention_id,
        {{ unnest_with_position('tokens', 'token', 'token_position') }}
    from tokenized

),

stop_words as (

    select * from {{ ref('stg_language__stop_words') }}

),

classified as (

    select
        tokens.mention_id,
        tokens.token_position,
        tokens.token,
        case
            when {{ dbt.length('tokens.token') }} > 1 and substring(tokens.token, 1, 1) = '#' then 'hashtag'
            when {{ dbt.length('tokens.token') }} > 1 and substring(tokens.token, 1, 1) = '@' then 'mention'
            when {{ dbt.length('tokens.token') }} >= {{ min_keyword_length }}
                and not {{ has_digit('tokens.token') }}
                and stop_words.term is null
                then 'keyword'
        end as term_kind
    from tokens
    left join stop_words
        on stop_words.term = tokens.token

),

keywords as (

    select
        mention_id,
        token_position,
        token
    from classified
    where term_kind = 'keyword'

),

bigrams as (

    select
        first_word.mention_id,
        {{ dbt.concat(['first_word.token', "' '", 'second_word.token']) }} as term,
        'bigram' as term_kind
    from keywords as first_word
    inner join keywords as second_word
        on second_word.mention_id = first_word.mention_id
        and second_word.token_position = first_word.token_position + 1

),

single_terms as (

    select
        mention_id,
        token as term,
        term_kind
    from classified
    where term_kind is not null

),

final as (

    select distinct
        mention_id,
        term,
        term_kind
    from (
        select * from single_terms
        union all
        select * from bigrams
    ) as all_terms

)

select * from final
