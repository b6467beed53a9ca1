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
{#- A booster's weight counts in full on the next token, then less with distance. #}
{%- set boost_scalars = [1, 0.95, 0.9] %}
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

-- Every term and modifier of each scoring language in one table: each token is
-- looked up once, whatever it turns out to be.
lexicon as (

    select
        coalesce(scoring_terms.scoring_lang, scoring_modifiers.scoring_lang) as scoring_lang,
        coalesce(scoring_terms.term, scoring_modifiers.term) as term,
        scoring_terms.term is not null as is_term,
        scoring_terms.polarity,
        scoring_terms.is_negatable,
        scoring_modifiers.term is not null as is_modifier,
        scoring_modifiers.is_negator,
        scoring_modifiers.is_contrast,
        scoring_modifiers.boost
    from scoring_terms
    full outer join scoring_modifiers
        on scoring_modifiers.scoring_lang = scoring_terms.scoring_lang
        and scoring_modifiers.term = scoring_terms.term

),

squeezed_lexicon as (

    select
        coalesce(squeezed_terms.scoring_lang, squeezed_modifiers.scoring_lang) as scoring_lang,
        coalesce(squeezed_terms.squeezed_term, squeezed_modifiers.squeezed_term) as squeezed_term,
        squeezed_terms.squeezed_term is not null as is_term,
        squeezed_terms.polarity,
        squeezed_terms.is_negatable,
        squeezed_modifiers.squeezed_term is not null as is_modifier,
        squeezed_modifiers.is_negator,
        squeezed_modifiers.is_contrast,
        squeezed_modifiers.boost
    from squeezed_terms
    full outer join squeezed_modifiers
        on squeezed_modifiers.scoring_lang = squeezed_terms.scoring_lang
        and squeezed_modifiers.squeezed_term = squeezed_terms.squeezed_term

),

-- The count of '!' travels with the tokens to the mention's sum (`emphasized`).
normalized as (

    select
        mentions.mention_id,
        coalesce(lexicon_languages.lang, 'other') as scoring_lang,
        least(
            {{ dbt.length('mentions.full_text') }}
            - {{ dbt.length(dbt.replace('mentions.full_text', "'!'", "''")) }},
            4
        ) as exclamations,
        {{ normalize_for_sentiment(mark_emoticons('mentions.full_text'), strip_tokens=true) }} as normalized_text
    from mentions
    left join lexicon_languages
        on lexicon_languages.lang = mentions.lang

),

-- A plain ASCII token is written as such in the text: it can only be elongated
-- when the text has a run of three letters somewhere, which one search tells.
tokenized as (

    select
        mention_id,
        scoring_lang,
        exclamations,
        {{ split_tokens('normalized_text') }} as tokens,
        {{ has_repeated_letters('normalized_text') }} as text_has_repeated_letters
    from normalized

),

-- Accents are stripped token by token (macro `strip_token_accents`).
tokens as (

    select
        mention_id,
        scoring_lang,
        exclamations,
        token_position,
        token,
        case
            when is_ascii and not text_has_repeated_letters then false
            else {{ has_repeated_letters('token') }}
        end as has_repeated_letters
    from (
        select
            mention_id,
            scoring_lang,
            exclamations,
            text_has_repeated_letters,
            token_position,
            {{ is_ascii('token') }} as is_ascii,
            {{ strip_token_accents('token') }} as token
        from (
            select
                mention_id,
                scoring_lang,
                exclamations,
                text_has_repeated_letters,
                {{ unnest_with_position('tokens', 'token', 'token_position') }}
            from tokenized
        ) as exploded
    ) as stripped

),

-- Only tokens that carry a polarity or modify one matter from here on: those
-- found in the lexicon, and those with a run of letters, which may be found
-- squeezed. The rest are dropped after this one lookup.
looked_up as (

    select
        tokens.mention_id,
        tokens.exclamations,
        tokens.token_position,
        tokens.scoring_lang,
        tokens.token,
        lexicon.is_term,
        lexicon.polarity,
        lexicon.is_negatable,
        lexicon.is_modifier,
        lexicon.is_negator,
        lexicon.is_contrast,
        lexicon.boost,
        tokens.has_repeated_letters
    from tokens
    left join lexicon
        on lexicon.scoring_lang = tokens.scoring_lang
        and lexicon.term = tokens.token

),

-- A token is read as it is written when the lexicon has it; an elongated one
-- ("gooood", "trooop") is read squeezed as a term, or as a modifier, that it
-- is not as written, and counts `boost_step` more.
meaningful_tokens as (

    select
        looked_up.mention_id,
        looked_up.exclamations,
        looked_up.token_position,
        case
            when looked_up.is_term then looked_up.polarity
            when squeezed.is_term then squeezed.polarity
        end as polarity,
        case
            when looked_up.is_term then looked_up.is_negatable
            when squeezed.is_term then squeezed.is_negatable
            else false
        end as is_negatable,
        case
            when looked_up.is_term then false
            else coalesce(squeezed.is_term, false)
        end as is_elongated,
        case
            when looked_up.is_modifier then looked_up.is_negator
            when squeezed.is_modifier then squeezed.is_negator
            else false
        end as is_negator,
        case
            when looked_up.is_modifier then looked_up.is_contrast
            when squeezed.is_modifier then squeezed.is_contrast
            else false
        end as is_contrast,
        case
            when looked_up.is_modifier then looked_up.boost
            when squeezed.is_modifier then squeezed.boost + sign(squeezed.boost) * {{ boost_step }}
            else 0
        end as boost
    from looked_up
    left join squeezed_lexicon as squeezed
        on squeezed.scoring_lang = looked_up.scoring_lang
        and squeezed.squeezed_term = case
            when looked_up.has_repeated_letters then {{ squeeze_repeats('looked_up.token') }}
        end
    where looked_up.is_term is not null
        or looked_up.has_repeated_letters

),

-- The tokens that act on the next ones: negators and boosters.
modifying_tokens as (

    select
        mention_id,
        token_position,
        is_negator,
        boost
    from meaningful_tokens
    where is_negator
        or boost <> 0

),

-- Before the first contrast word of a mention its tokens count less, after it more.
contrasts as (

    select
        mention_id,
        min(token_position) as contrast_position
    from meaningful_tokens
    where is_contrast
    group by mention_id

),

-- What each token's neighbours do to it, from the modifiers just before it:
-- one lookup per distance, as a token has at most one modifier at each.
in_context as (

    select
        polar.mention_id,
        polar.exclamations,
        polar.token_position,
        polar.polarity,
        polar.is_negatable,
        polar.is_elongated,
        {% for distance in range(1, negation_window + 1) -%}
        coalesce(before_{{ distance }}.is_negator, false){{ ' or' if not loop.last }}
        {% endfor -%}
        as is_negated,
        {% for scalar in boost_scalars -%}
        {{ scalar ~ ' * ' if not loop.first }}coalesce(before_{{ loop.index }}.boost, 0){{ ' +' if not loop.last }}
        {% endfor -%}
        as boost_before,
        contrasts.contrast_position
    from meaningful_tokens as polar
    {% for distance in range(1, [negation_window, boost_scalars | length] | max + 1) -%}
    left join modifying_tokens as before_{{ distance }}
        on before_{{ distance }}.mention_id = polar.mention_id
        and before_{{ distance }}.token_position = polar.token_position - {{ distance }}
    {% endfor -%}
    left join contrasts
        on contrasts.mention_id = polar.mention_id
    where polar.polarity is not null

),

valences as (

    select
        mention_id,
        exclamations,
        (
            polarity
            + sign(polarity) * (boost_before + case when is_elongated then {{ boost_step }} else 0 end)
        )
        * case when is_negatable and is_negated then {{ negation_scalar }} else 1 end
        * case
            when contrast_position is null then 1
            when token_position < contrast_position then 0.5
            when token_position > contrast_position then 1.5
            else 1
        end as valence
    from in_context

),

valence_sums as (

    select
        mention_id,
        max(exclamations) as exclamations,
        sum(case when valence < 0 then {{ negativity_weight }} * valence else valence end) as valence_sum
    from valences
    group by mention_id

),

-- Each '!' (four at most) adds `exclamation_step` in the sum's direction; a
-- mention without a valence sums to 0, whatever its exclamation marks.
emphasized as (

    select
        mentions.mention_id,
        coalesce(valence_sums.valence_sum, 0)
        + sign(coalesce(valence_sums.valence_sum, 0)) * coalesce(valence_sums.exclamations, 0) * {{ exclamation_step }}
            as valence_sum
    from mentions
    left join valence_sums
        on valence_sums.mention_id = mentions.mention_id

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
