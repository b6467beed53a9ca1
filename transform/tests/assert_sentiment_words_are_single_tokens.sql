-- Every lexicon term and negator must be one token once normalised the way the
-- scorer reads text; a multi-word entry ("pas mal") could never match a token.

with entries as (

    select 'sentiment_lexicon' as seed_name, lang, term
    from {{ ref('sentiment_lexicon') }}
    union all
    select 'sentiment_negators' as seed_name, lang, term
    from {{ ref('sentiment_negators') }}

),

normalized as (

    select
        seed_name,
        lang,
        term,
        {{ normalize_for_sentiment('term') }} as normalized_term
    from entries

)

select *
from normalized
where normalized_term = ''
    or {{ contains_text('normalized_term', "' '") }}
