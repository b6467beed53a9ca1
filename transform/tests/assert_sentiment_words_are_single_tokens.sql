-- Every lexicon word and modifier must be one token once normalised the way the
-- scorer reads text; a multi-word entry ("pas mal") could never match a token.

with entries as (

    select 'sentiment_words' as table_name, lang, term
    from {{ source('sentiment', 'sentiment_words') }}
    union all
    select 'sentiment_modifiers' as table_name, lang, term
    from {{ source('sentiment', 'sentiment_modifiers') }}

),

normalized as (

    select
        table_name,
        lang,
        term,
        {{ normalize_for_sentiment('term') }} as normalized_term
    from entries

)

select *
from normalized
where normalized_term = ''
    or {{ contains_text('normalized_term', "' '") }}
