-- One row per mention with the language the marts use, and where it comes from.
--
-- The identifier counts marker words (`stg_language__markers`: frequent,
-- distinctive words per language, weighted 0.2 to 1) among the words of title
-- and text, read in lower case with accents kept. The best language is
-- detected when the text has at least `min_words` words, its markers weigh at
-- least `min_score`, and `margin` times more than the next language's;
-- otherwise the text says 'und' (too short, or too mixed to tell).
--
-- The mention's language is then the detected one when detection is
-- confident (the platform gave none, or a wrong one), else the platform's,
-- else 'und'. A platform language the identifier does not know (e.g. 'ja') is
-- kept as given.

{%- set min_words = 3 %}
{%- set min_score = 1.0 %}
{%- set margin = 1.5 %}
{%- if margin <= 1 %}
    {{ exceptions.raise_compiler_error("int_mentions_languages: margin must exceed 1, or a tie could be detected") }}
{%- endif %}

with mentions as (

    select
        mention_id,
        lang as platform_lang,
        concat(coalesce(title, ''), ' ', coalesce(text, '')) as full_text
    from {{ ref('int_mentions_unioned') }}

),

markers as (

    select * from {{ ref('stg_language__markers') }}

),

known_languages as (

    select distinct lang
    from markers

),

-- Normalisation leaves no empty token except in an empty text, so the number
-- of words is the array's length, read before the tokens are exploded. It
-- travels with the tokens: only a mention with a marker word can be detected.
tokenized as (

    select
        mention_id,
        {{ split_tokens('normalized_text') }} as tokens,
        case
            when normalized_text = '' then 0
            else {{ array_length(split_tokens('normalized_text')) }}
        end as words
    from (
        select
            mention_id,
            {{ normalize_for_language('full_text', compose_tokens=true) }} as normalized_text
        from mentions
    ) as normalized

),

-- Each token in NFC (macro `compose_token`), as the markers are.
tokens as (

    select
        mention_id,
        words,
        {{ compose_token('token') }} as token
    from (
        select
            mention_id,
            words,
            {{ unnest_with_position('tokens', 'token', 'token_position') }}
        from tokenized
    ) as exploded

),

language_scores as (

    select
        tokens.mention_id,
        markers.lang,
        max(tokens.words) as words,
        sum(markers.weight) as score
    from tokens
    inner join markers
        on markers.term = tokens.token
    group by tokens.mention_id, markers.lang

),

-- The two best scores of each mention, and the language of the best. Which of
-- two tied best languages is kept does not matter: a tie is never detected
-- (the best must weigh `margin` times more than the runner-up).
best as (

    select
        mention_id,
        max(words) as words,
        {{ arg_max('lang', 'score') }} as best_lang,
        max(score) as best_score,
        coalesce({{ second_largest('score') }}, 0) as runner_up_score
    from language_scores
    group by mention_id

),

detected as (

    select
        mentions.mention_id,
        mentions.platform_lang,
        case
            when best.words >= {{ min_words }}
                and best.best_score >= {{ min_score }}
                and best.best_score >= {{ margin }} * best.runner_up_score
                then best.best_lang
            else 'und'
        end as detected_lang,
        best.best_score / (best.best_score + best.runner_up_score) as detection_confidence
    from mentions
    left join best
        on best.mention_id = mentions.mention_id

),

final as (

    select
        detected.mention_id,
        case
            when detected.platform_lang is not null and known_languages.lang is null
                then detected.platform_lang
            when detected.detected_lang <> 'und' then detected.detected_lang
            else coalesce(detected.platform_lang, 'und')
        end as lang,
        case
            when detected.platform_lang is not null and known_languages.lang is null
                then 'platform'
            when detected.detected_lang <> 'und'
                and detected.detected_lang = coalesce(detected.platform_lang, '')
                then 'platform'
            when detected.detected_lang <> 'und' then 'detected'
            when detected.platform_lang is not null then 'platform'
            else 'undetermined'
        end as lang_source,
        detected.platform_lang,
        detected.detected_lang,
        detected.detection_confidence
    from detected
    left join known_languages
        on known_languages.lang = detected.platform_lang

)

select * from final
