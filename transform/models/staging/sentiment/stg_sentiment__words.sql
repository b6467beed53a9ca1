-- One row per language and normalised opinion term: two spellings of a word
-- ("génial", "genial") are one term once normalised, with their mean polarity.
-- A word that is also a negator of its language carries no polarity itself.

with source as (

    select * from {{ source('sentiment', 'sentiment_words') }}

),

normalized as (

    select
        cast(lang as {{ dbt.type_string() }}) as lang,
        {{ normalize_for_sentiment('term') }} as term,
        cast(polarity as double) as polarity
    from source

),

negators as (

    select distinct
        lang,
        {{ normalize_for_sentiment('term') }} as term
    from {{ source('sentiment', 'sentiment_modifiers') }}
    where role = 'negator'

),

final as (

    select
        normalized.lang,
        normalized.term,
        avg(normalized.polarity) as polarity
    from normalized
    left join negators
        on negators.lang = normalized.lang
        and negators.term = normalized.term
    where negators.term is null
        and normalized.term <> ''
    group by normalized.lang, normalized.term

)

select * from final
