-- One row per (mention, topic it matches): the fact behind every per-topic number.

with matches as (

    select * from {{ ref('int_mentions_matched_to_topics') }}

),

mentions as (

    select * from {{ ref('fct_mentions') }}

),

topics as (

    select * from {{ ref('stg_listening__topics') }}

),

final as (

    select
        -- ids
        matches.mention_id,
        matches.topic_id,
        mentions.author_id,

        -- dimensions
        topics.kind as topic_kind,
        mentions.platform,
        mentions.lang,
        mentions.sentiment_label,

        -- measures
        mentions.engagement,
        mentions.potential_reach,

        -- timestamps (UTC)
        mentions.published_at,
        mentions.published_date

    from matches
    inner join mentions
        on mentions.mention_id = matches.mention_id
    inner join topics
        on topics.topic_id = matches.topic_id

)

select * from final
