-- One row per mention with its lexicon sentiment (`lexicon_v2`), VADER's rules
-- in SQL over multilingual lexicons (`stg_sentiment__words`, `stg_sentiment__modifiers`).
--
-- Title and text are read together. Emoticons become the tokens
-- `emoticonpositive` / `emoticonnegative` (macro `mark_emoticons`), then the
-- text is split into tokens: words, and each emoji on its own. Every token found
-- in the lexicon of the mention's language (`int_mentions_languages`: the
-- platform's, or the detected one; its own words first, then the
-- language-free ones: emoji, "lol"; every language's when the language is
-- unknown) contributes its polarity p, on VADER's -4..+4 scale, adjusted by:
--   * elongation: "gooood", "nuuul" are read as "good", "nul" (a run of three
--     or more letters squeezed) and count `boost_step` more; an elongated
--     booster ("trooop", "sooo") boosts `boost_step` more;
--   * boosters and diminishers up to three tokens before ("très", "very",
--     "un peu"): their weight, times 1, 0.95, 0.9 with distance, is added to |p|;
--   * negators up to three tokens before ("pas", "not", "nicht", "no"): p is
--     multiplied by -0.74 (a negated word is weaker than its opposite);
--     language-free tokens (emoji) are never negated;
--   * contrast: before the first contrast word of the mention ("mais", "but",
--     "aber") p counts half, after it one and a half times.
-- The sum s gets `exclamation_step` more per '!' (four at most) in its own
-- direction, and squashes to s / sqrt(s² + 15) in (-1, 1) (VADER's compound).

{%- set negation_window = 3 %}
{%- set negation_scalar = -0.74 %}
{%- set boost_step = 0.293 %}
{%- set exclamation_step = 0.292 %}
{%- set negativity_weight = 1.5 %}

with mentions as (

    select
        unioned.mention_id,
        languages.lang,
        concat(coalesce(unioned.title, ''), ' ', coalesce(unioned.text, '')) as full_text
    from {{ ref('int_mentions_unioned') }} as unioned
    inner join {{ ref('int_mentions_languages') }} as languages
        on languages.mention_id = unioned.mention_id

),

words as (

    select * from {{ ref('stg_sentiment__words') }}

),

modifiers as (

    select * from {{ ref('stg_sentiment__modifiers') }}

),

lexicon_languages as (

    select distinct lang
    from words
    where lang <> 'any'

),

-- The lexicon as each language reads it: its own words, then the language-free
-- ones it does not define itself; 'other' (unknown language) reads every
-- language's words, a word of several languages with its mean polarity.
language_terms as (

    select
        lang as scoring_lang,
        term,
        polarity,
        true as is_negatable
    from words
    where lang <> 'any'

),

shared_terms as (

    select
        lexicon_languages.lang as scoring_lang,
        words.term,
        words.polarity,
        false as is_negatable
    from lexicon_languages
    cross join words
    left join language_terms
        on language_terms.scoring_lang = lexicon_languages.lang
        and language_terms.term = words.term
    where words.lang = 'any'
        and language_terms.term is null

),

unknown_language_terms as (

    select
        'other' as scoring_lang,
        term,
        avg(polarity) as polarity,
        max(case when lang <> 'any' then 1 else 0 end) = 1 as is_negatable
    from words
    group by term

),

scoring_terms as (

    select * from language_terms
    union all
    select * from shared_terms
    union all
    select * from unknown_language_terms

),

-- Elongated tokens are looked up by their squeezed form, as are the terms.
squeezed_terms as (

    select
        scoring_lang,
        {{ squeeze_repeats('term') }} as squeezed_term,
        avg(polarity) as polarity,
        bool_or(is_negatable) as is_negatable
    from scoring_terms
    group by scoring_lang, {{ squeeze_repeats('term') }}

),

scoring_modifiers as (

    select
        lang as scoring_lang,
        term,
        is_negator,
        is_contrast,
        boost
    from modifiers
    union all
    select
        'other' as scoring_lang,
        term,
        bool_or(is_negator) as is_negator,
        bool_or(is_contrast) as is_contrast,
        avg(boost) as boost
    from modifiers
    group by term

),

squeezed_modifiers as (

    select
        scoring_lang,
        {{ squeeze_repeats('term') }} as squeezed_term,
        bool_or(is_negator) as is_negator,
        bool_or(is_contrast) as is_contrast,
        avg(boost) as boost
    from scoring_modifiers
    group by scoring_lang, {{ squeeze_repeats('term') }}

),

tokenized as (

    select
        mentions.mention_id,
        coalesce(lexicon_languages.lang, 'other') as scoring_lang,
        least(
            {{ dbt.length('mentions.full_text') }}
            - {{ dbt.length(dbt.replace('mentions.full_text', "'!'", "''")) }},
            4
        ) as exclamations,
        {{ sentiment_tokens('mentions.full_text') }} as tokens
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

-- Only tokens that carry a polarity or modify one matter from here on: each
-- lookup is an inner join against a small table, then the hits are gathered.
exact_hits as (

    select
        tokens.mention_id,
        tokens.token_position,
        scoring_terms.polarity,
        scoring_terms.is_negatable,
        false as is_elongated
    from tokens
    inner join scoring_terms
        on scoring_terms.scoring_lang = tokens.scoring_lang
        and scoring_terms.term = tokens.token

),

elongated_tokens as (

    select
        mention_id,
        token_position,
        scoring_lang,
        token
    from tokens
    where {{ has_repeated_letters('token') }}

),

elongated_hits as (

    select
        elongated_tokens.mention_id,
        elongated_tokens.token_position,
        squeezed_terms.polarity,
        squeezed_terms.is_negatable,
        true as is_elongated
    from elongated_tokens
    inner join squeezed_terms
        on squeezed_terms.scoring_lang = elongated_tokens.scoring_lang
        and squeezed_terms.squeezed_term = {{ squeeze_repeats('elongated_tokens.token') }}
    left join scoring_terms
        on scoring_terms.scoring_lang = elongated_tokens.scoring_lang
        and scoring_terms.term = elongated_tokens.token
    where scoring_terms.term is null

),

exact_modifier_hits as (

    select
        tokens.mention_id,
        tokens.token_position,
        scoring_modifiers.is_negator,
        scoring_modifiers.is_contrast,
        scoring_modifiers.boost
    from tokens
    inner join scoring_modifiers
        on scoring_modifiers.scoring_lang = tokens.scoring_lang
        and scoring_modifiers.term = tokens.token

),

-- "trooop", "sooo": an elongated booster boosts, one step more.
elongated_modifier_hits as (

    select
        elongated_tokens.mention_id,
        elongated_tokens.token_position,
        squeezed_modifiers.is_negator,
        squeezed_modifiers.is_contrast,
        squeezed_modifiers.boost + sign(squeezed_modifiers.boost) * {{ boost_step }} as boost
    from elongated_tokens
    inner join squeezed_modifiers
        on squeezed_modifiers.scoring_lang = elongated_tokens.scoring_lang
        and squeezed_modifiers.squeezed_term = {{ squeeze_repeats('elongated_tokens.token') }}
    left join scoring_modifiers
        on scoring_modifiers.scoring_lang = elongated_tokens.scoring_lang
        and scoring_modifiers.term = elongated_tokens.token
    where scoring_modifiers.term is null

),

modifier_hits as (

    select * from exact_modifier_hits
    union all
    select * from elongated_modifier_hits

),

polar_hits as (

    select * from exact_hits
    union all
    select * from elongated_hits

),

meaningful_tokens as (

    select
        coalesce(polar_hits.mention_id, modifier_hits.mention_id) as mention_id,
        coalesce(polar_hits.token_position, modifier_hits.token_position) as token_position,
        polar_hits.polarity,
        coalesce(polar_hits.is_negatable, false) as is_negatable,
        coalesce(polar_hits.is_elongated, false) as is_elongated,
        coalesce(modifier_hits.is_negator, false) as is_negator,
        coalesce(modifier_hits.is_contrast, false) as is_contrast,
        coalesce(modifier_hits.boost, 0) as boost
    from polar_hits
    full outer join modifier_hits
        on modifier_hits.mention_id = polar_hits.mention_id
        and modifier_hits.token_position = polar_hits.token_position

),

-- What each token's neighbours do to it, from the modifiers just before it.
in_context as (

    select
        *,
        max(case when is_negator then 1 else 0 end) over (
            partition by mention_id order by token_position
            range between {{ negation_window }} preceding and 1 preceding
        ) as is_negated,
        coalesce(sum(boost) over (
            partition by mention_id order by token_position
            range between 1 preceding and 1 preceding
        ), 0)
        + 0.95 * coalesce(sum(boost) over (
            partition by mention_id order by token_position
            range between 2 preceding and 2 preceding
        ), 0)
        + 0.9 * coalesce(sum(boost) over (
            partition by mention_id order by token_position
            range between 3 preceding and 3 preceding
        ), 0) as boost_before,
        min(case when is_contrast then token_position end) over (
            partition by mention_id
        ) as contrast_position
    from meaningful_tokens

),

valences as (

    select
        mention_id,
        (
            polarity
            + sign(polarity) * (boost_before + case when is_elongated then {{ boost_step }} else 0 end)
        )
        * case when is_negatable and is_negated = 1 then {{ negation_scalar }} else 1 end
        * case
            when contrast_position is null then 1
            when token_position < contrast_position then 0.5
            when token_position > contrast_position then 1.5
            else 1
        end as valence
    from in_context
    where polarity is not null

),

valence_sums as (

    select
        mention_id,
        sum(case when valence < 0 then {{ negativity_weight }} * valence else valence end) as valence_sum
    from valences
    group by mention_id

),

emphasized as (

    select
        tokenized.mention_id,
        coalesce(valence_sums.valence_sum, 0)
        + sign(coalesce(valence_sums.valence_sum, 0)) * tokenized.exclamations * {{ exclamation_step }}
            as valence_sum
    from tokenized
    left join valence_sums
        on valence_sums.mention_id = tokenized.mention_id

),

-- The lexicons' own version: a hash of every word and modifier, so a score can
-- be traced to the word lists that produced it.
lexicon_version as (

    select
        {{ dbt.hash(dbt.listagg("concat(entry_kind, ':', lang, ':', term, ':', cast(weight as " ~ dbt.type_string() ~ "))", "'|'", "order by entry_kind, lang, term")) }} as lexicon_hash
    from (
        select 'word' as entry_kind, lang, term, polarity as weight from words
        union all
        select
            'modifier' as entry_kind,
            lang,
            term,
            boost
            + case when is_negator then 10 else 0 end
            + case when is_contrast then 100 else 0 end as weight
        from modifiers
    ) as entries

),

final as (

    select
        emphasized.mention_id,
        cast({{ squash_sentiment('emphasized.valence_sum') }} as double) as sentiment_score,
        {{ sentiment_label(squash_sentiment('emphasized.valence_sum')) }} as sentiment_label,
        'lexicon_v2' as sentiment_method,
        'lexicon' as sentiment_source,
        {{ dbt.concat(["'lexicon_v2-'", "substring(lexicon_version.lexicon_hash, 1, 12)"]) }} as sentiment_model_version
    from emphasized
    cross join lexicon_version

)

select * from final
