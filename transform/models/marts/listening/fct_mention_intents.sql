-- One row per (mention, intent it shows): the base of customer-care and leads views.

with intents as (

    select * from {{ ref('int_mentions_intents') }}

),

mentions as (

    select * from {{ ref('fct_mentions') }}

),

final as (

    select
        -- ids
        intents.mention_id,
        intents.intent,
        mentions.author_id,

        -- dimensions
        mentions.platform,
        mentions.lang,
        mentions.author_handle,
        mentions.url,
        mentions.sentiment_label,

        -- measures
        mentions.engagement,
        mentions.potential_reach,

        -- timestamps (UTC)
        mentions.published_at,
        mentions.published_date

    from intents
    inner join mentions
        on mentions.mention_id = intents.mention_id

)

select * from final
