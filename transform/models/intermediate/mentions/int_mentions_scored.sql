-- One row per mention with a first, lexicon-based sentiment (`lexicon_v1`).
--
-- Title and text are split into tokens (words, and each emoji on its own).
-- Tokens found in the lexicon of the mention's language (seed
-- `sentiment_lexicon`) add their polarity; a word's polarity is flipped when one
-- of the two tokens before it is a negator of that language (seed
-- `sentiment_negators`: "pas mal", "not good", "nicht schlecht"). The sum s is
-- squashed into [-1, 1] by s / sqrt(s² + 4) and labelled at ±0.25, so that one
-- mild word (|polarity| <= 0.5: "ok", "bof", "cher") stays neutral while one
-- clear word (>= 0.6) or two mild ones decide.
--
-- This is the seam for a better scorer: a replacement only has to produce the
-- same four columns under a new `sentiment_method`.

{%- set positive_threshold = 0.25 -%}
{%- set negative_threshold = -0.25 -%}
{%- set negation_window = 2 %}

with mentions as (

    select
        mention_id,
        lang,
        concat(coalesce(title, ''), ' ', text) as full_text
    from {{ ref('int_mentions_unioned') }}

),

lexicon as (

    -- Two spellings of a word ("génial", "genial") are one term once normalised.
    select
        lang,
        {{ normalize_for_sentiment('term') }} as term,
        avg(polarity) as polarity
    from {{ ref('sentiment_lexicon') }}
    group by lang, {{ normalize_for_sentiment('term') }}

),

negators as (

    select distinct
        lang,
        {{ normalize_for_sentiment('term') }} as term
    from {{ ref('sentiment_negators') }}

),

lexicon_languages as (

    select distinct lang
    from lexicon
    where lang <> 'any'

),

-- The lexicon as a language reads it: its own words, then the language-free ones
-- (emoji, "lol") it does not define itself. Language-free entries are never
-- negated: in "personne ne répond 😭" the emoji is no less sad for the "ne".
language_terms as (

    select
        lang as scoring_lang,
        term,
        polarity,
        true as is_negatable
    from lexicon
    where lang <> 'any'

),

shared_terms as (

    select
        lexicon_languages.lang as scoring_lang,
        lexicon.term,
        lexicon.polarity,
        false as is_negatable
    from lexicon_languages
    cross join lexicon
    left join language_terms
        on language_terms.scoring_lang = lexicon_languages.lang
        and language_terms.term = lexicon.term
    where lexicon.lang = 'any'
        and language_terms.term is null

),

-- A mention of unknown (or unlisted) language is read with every language's
-- words, a word listed in several languages counting with its mean polarity.
unknown_language_terms as (

    select
        'other' as scoring_lang,
        term,
        avg(polarity) as polarity,
        max(case when lang <> 'any' then 1 else 0 end) = 1 as is_negatable
    from lexicon
    group by term

),

scoring_lexicon as (

    select * from language_terms
    union all
    select * from shared_terms
    union all
    select * from unknown_language_terms

),

-- Negators are read per language too ("no" negates in Spanish, means "in the"
-- in Portuguese); a mention of unknown language is read with all of them.
scoring_negators as (

    select
        lang as scoring_lang,
        term
    from negators
    union all
    select distinct
        'other' as scoring_lang,
        term
    from negators

),

tokenized as (

    select
        mentions.mention_id,
        coalesce(lexicon_languages.lang, 'other') as scoring_lang,
        {{ split_tokens(normalize_for_sentiment('mentions.full_text')) }} as tokens
    from mentions
    left join lexicon_languages
        on lexicon_languages.lang = mentions.lang

),

tokens as (

    select
        mention_id,
        scoring_lang,
        {{ unnest_with_position('tokens', 'token', 'token_position') }}
    from tokenized

),

-- Only tokens that carry a polarity or negate one matter from here on.
meaningful_tokens as (

    select
        tokens.mention_id,
        tokens.token_position,
        scoring_lexicon.polarity,
        scoring_lexicon.is_negatable,
        scoring_negators.term is not null as is_negator
    from tokens
    left join scoring_lexicon
        on scoring_lexicon.scoring_lang = tokens.scoring_lang
        and scoring_lexicon.term = tokens.token
    left join scoring_negators
        on scoring_negators.scoring_lang = tokens.scoring_lang
        and scoring_negators.term = tokens.token
    where scoring_lexicon.polarity <> 0
        or scoring_negators.term is not null

),

polar_tokens as (

    select
        mention_id,
        token_position,
        polarity,
        is_negatable
    from meaningful_tokens
    where polarity is not null

),

negator_tokens as (

    select
        mention_id,
        token_position
    from meaningful_tokens
    where is_negator

),

signed_tokens as (

    select
        polar_tokens.mention_id,
        polar_tokens.token_position,
        case
            when polar_tokens.is_negatable and max(negator_tokens.token_position) is not null
                then -polar_tokens.polarity
            else polar_tokens.polarity
        end as signed_polarity
    from polar_tokens
    left join negator_tokens
        on negator_tokens.mention_id = polar_tokens.mention_id
        and negator_tokens.token_position >= polar_tokens.token_position - {{ negation_window }}
        and negator_tokens.token_position < polar_tokens.token_position
    group by
        polar_tokens.mention_id,
        polar_tokens.token_position,
        polar_tokens.polarity,
        polar_tokens.is_negatable

),

polarity_sums as (

    select
        mention_id,
        sum(signed_polarity) as polarity_sum
    from signed_tokens
    group by mention_id

),

scored as (

    select
        mentions.mention_id,
        {{ squash_sentiment('coalesce(polarity_sums.polarity_sum, 0)') }} as sentiment_score
    from mentions
    left join polarity_sums
        on polarity_sums.mention_id = mentions.mention_id

),

final as (

    select
        mention_id,
        cast(sentiment_score as double) as sentiment_score,
        case
            when sentiment_score >= {{ positive_threshold }} then 'positive'
            when sentiment_score <= {{ negative_threshold }} then 'negative'
            else 'neutral'
        end as sentiment_label,
        'lexicon_v1' as sentiment_method
    from scored

)

select * from final
