-- One row per mention with its spam score and whether it is spam.
--
-- A mention scores its author's spam score (`int_authors_spam_scored`), raised
-- when the post itself is (almost) only a link: even from a clean account a bare
-- link says nothing a listener can use. It is spam from the threshold of
-- listening.yml (`spam.exclusion_threshold`, `stg_listening__spam`), re-read
-- every run, so a changed threshold re-applies to all history at the next build.

-- A bare link alone makes half of the way to 1: 0.5 from a clean account, over
-- 0.7 from one scoring 0.4.
{%- set link_only_weight = 0.5 %}

with mentions as (

    select
        mention_id,
        author_id
    from {{ ref('int_mentions_unioned') }}

),

fingerprinted as (

    select
        mention_id,
        is_link_only
    from {{ ref('int_mentions_fingerprinted') }}

),

authors as (

    select
        author_id,
        spam_score
    from {{ ref('int_authors_spam_scored') }}

),

settings as (

    select * from {{ ref('stg_listening__spam') }}

),

scored as (

    select
        mentions.mention_id,
        1 - (1 - authors.spam_score)
        * (1 - case when fingerprinted.is_link_only then {{ link_only_weight }} else 0 end) as spam_score
    from mentions
    inner join fingerprinted
        on fingerprinted.mention_id = mentions.mention_id
    inner join authors
        on authors.author_id = mentions.author_id

),

final as (

    select
        -- ids
        scored.mention_id,

        -- dimensions
        scored.spam_score >= settings.spam_exclusion_threshold as is_spam,

        -- measures
        scored.spam_score

    from scored
    cross join settings

)

select * from final
