-- One row per (mention, topic) where the mention matches the topic: its title or
-- text contains one of the topic's keywords as whole words, and none of its
-- exclusion keywords. Both sides are normalised once (lower case, no accents,
-- punctuation as single spaces, padded), so a whole-word match is a plain
-- substring test and "#AirAurore", "@airaurore" and "Air-Aurore" all meet
-- "airaurore" or "air aurore". No regular expression is evaluated per pair.

with mentions as (

    select
        mention_id,
        {{ normalize_for_matching("concat(coalesce(title, ''), ' ', text)") }} as matchable_text
    from {{ ref('int_mentions_unioned') }}

),

keywords as (

    select
        topic_id,
        is_exclusion,
        {{ normalize_for_matching('keyword') }} as matchable_keyword
    from {{ ref('stg_listening__topic_keywords') }}

),

-- A keyword of punctuation only would normalise to blanks and match everything.
usable_keywords as (

    select distinct
        topic_id,
        is_exclusion,
        matchable_keyword
    from keywords
    where trim(matchable_keyword) <> ''

),

keyword_hits as (

    select
        mentions.mention_id,
        usable_keywords.topic_id,
        usable_keywords.is_exclusion
    from mentions
    inner join usable_keywords
        on {{ contains_text('mentions.matchable_text', 'usable_keywords.matchable_keyword') }}

),

-- Hits are only keywords or exclusions, so a pair without exclusion hit has a keyword hit
-- (several keywords of a topic in one mention collapse here).
matched as (

    select
        mention_id,
        topic_id
    from keyword_hits
    group by mention_id, topic_id
    having sum(case when is_exclusion then 1 else 0 end) = 0

)

select * from matched
