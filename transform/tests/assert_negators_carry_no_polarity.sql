-- A word cannot both negate and carry an opinion in the same language: the
-- scorer would count it and flip its neighbour at once.

select
    negators.lang,
    negators.term
from {{ ref('sentiment_negators') }} as negators
inner join {{ ref('sentiment_lexicon') }} as lexicon
    on lexicon.term = negators.term
    and lexicon.lang in (negators.lang, 'any')
where lexicon.polarity <> 0
