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

tokenized as (

    select
        mention_id,
        {{ split_tokens(normalize_for_language('full_text')) }} as tokens
    from mentions

),

tokens as (

    select
        mention_id,
        {{ unnest_with_position('tokens', 'token', 'token_position') }}
    from tokenized

),

word_counts as (

    select
        mention_id,
        count(*) as words
    from tokens
    where token <> ''
    group by mention_id

),

language_scores as (

    select
        tokens.mention_id,
        markers.lang,
        sum(markers.weight) as score
    from tokens
    inner join markers
        on markers.term = tokens.token
    group by tokens.mention_id, markers.lang

),

ranked as (

    select
        mention_id,
        lang,
        score,
        row_number() over (partition by mention_id order by score desc, lang) as score_rank
    from language_scores

),

best as (

    select
        best.mention_id,
        best.lang as best_lang,
        best.score as best_score,
        coalesce(runner_up.score, 0) as runner_up_score
    from ranked as best
    left join ranked as runner_up
        on runner_up.mention_id = best.mention_id
        and runner_up.score_rank = 2
    where best.score_rank = 1

),

detected as (

    select
        mentions.mention_id,
        mentions.platform_lang,
        case
            when coalesce(word_counts.words, 0) >= {{ min_words }}
                and best.best_score >= {{ min_score }}
                and best.best_score >= {{ margin }} * best.runner_up_score
                then best.best_lang
            else 'und'
        end as detected_lang,
        best.best_score / (best.best_score + best.runner_up_score) as detection_confidence
    from mentions
    left join word_counts
        on word_counts.mention_id = mentions.mention_id
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
