-- One row per (mention, topic it matches): the fact behind every per-topic number.
--
-- Spam stays here, flagged `is_spam`, so the matching of a topic can be audited
-- whole; the volume marts leave it out. `is_first_in_cluster` marks the topic's
-- earliest non-spam mention of each duplicate cluster: counting those counts
-- each piece of content once per topic, and the count adds up across days,
-- platforms and languages (a cluster counts on the day it first reached the topic).

with matches as (

    select * from {{ ref('int_mentions_matched_to_topics') }}

),

mentions as (

    select * from {{ ref('fct_mentions') }}

),

topics as (

    select * from {{ ref('stg_listening__topics') }}

),

joined as (

    select
        matches.mention_id,
        matches.topic_id,
        mentions.author_id,
        mentions.duplicate_cluster_id,
        topics.kind as topic_kind,
        mentions.platform,
        mentions.lang,
        mentions.sentiment_label,
        mentions.is_spam,
        mentions.engagement,
        mentions.potential_reach,
        mentions.published_at,
        mentions.published_date,
        row_number() over (
            partition by matches.topic_id, mentions.duplicate_cluster_id, mentions.is_spam
            order by mentions.published_at, matches.mention_id
        ) as rank_in_cluster
    from matches
    inner join mentions
        on mentions.mention_id = matches.mention_id
    inner join topics
        on topics.topic_id = matches.topic_id

),

final as (

    select
        -- ids
        mention_id,
        topic_id,
        author_id,
        duplicate_cluster_id,

        -- dimensions
        topic_kind,
        platform,
        lang,
        sentiment_label,
        is_spam,
        not is_spam and rank_in_cluster = 1 as is_first_in_cluster,

        -- measures
        engagement,
        potential_reach,

        -- timestamps (UTC)
        published_at,
        published_date

    from joined

)

select * from final
