-- One row per mention: the mention contract with its measures, its sentiment,
-- its duplicate cluster and its spam score.

with mentions as (

    select * from {{ ref('int_mentions_unioned') }}

),

languages as (

    select * from {{ ref('int_mentions_languages') }}

),

sentiments as (

    select * from {{ ref('int_mentions_sentiment') }}

),

duplicates as (

    select * from {{ ref('int_mentions_deduplicated') }}

),

spam as (

    select * from {{ ref('int_mentions_spam_scored') }}

),

reporting as (

    select * from {{ ref('stg_listening__reporting') }}

),

final as (

    select
        -- ids
        mentions.mention_id,
        mentions.source,
        mentions.source_post_id,
        mentions.author_id,
        mentions.reshare_of_mention_id,
        mentions.parent_mention_id,
        mentions.thread_mention_id,
        duplicates.duplicate_cluster_id,
        duplicates.canonical_mention_id,

        -- dimensions
        mentions.platform,
        languages.lang,
        languages.lang_source,
        mentions.lang as platform_lang,
        mentions.url,
        mentions.author_handle,
        mentions.author_name,
        mentions.author_country,
        mentions.title,
        mentions.text,
        mentions.reshare_of_mention_id is not null as is_reshare,
        duplicates.is_canonical,
        duplicates.duplicate_kind,
        spam.is_spam,
        sentiments.sentiment_label,
        sentiments.sentiment_method,
        sentiments.sentiment_source,
        sentiments.sentiment_model_version,
        sentiments.lexicon_sentiment_label,

        -- measures
        mentions.author_followers,
        mentions.likes,
        mentions.shares,
        mentions.comments,
        {{ engagement('mentions.likes', 'mentions.shares', 'mentions.comments') }} as engagement,
        coalesce(mentions.author_followers, 0) as potential_reach,
        sentiments.sentiment_score,
        duplicates.cluster_size as duplicate_cluster_size,
        spam.spam_score,

        -- timestamps (UTC) and the reader's calendar day
        mentions.published_at,
        {{ local_date('mentions.published_at', 'reporting.reporting_timezone') }} as published_date,
        mentions.loaded_at

    from mentions
    inner join languages
        on languages.mention_id = mentions.mention_id
    inner join sentiments
        on sentiments.mention_id = mentions.mention_id
    inner join duplicates
        on duplicates.mention_id = mentions.mention_id
    inner join spam
        on spam.mention_id = mentions.mention_id
    cross join reporting

)

select * from final
