-- One row per (mention, intent it shows): the base of customer-care and leads views.
-- The rules' intents, except for mentions an analyst corrected: theirs replace them.

with rule_intents as (

    select * from {{ ref('int_mentions_intents') }}

),

corrected as (

    select * from {{ ref('int_mentions_corrected') }}
    where corrected_intents is not null

),

-- 'complaint,churn_threat' → one row each; 'none' → no row.
corrected_intents as (

    select
        mention_id,
        intent
    from (
        select
            mention_id,
            {{ unnest_with_position(split_tokens(dbt.replace('corrected_intents', "','", "' '")), 'intent', 'intent_position') }}
        from corrected
    ) as listed
    where intent <> 'none'

),

intents as (

    select
        rule_intents.mention_id,
        rule_intents.intent,
        'rule' as intent_source
    from rule_intents
    left join corrected
        on corrected.mention_id = rule_intents.mention_id
    where corrected.mention_id is null

    union all

    select
        mention_id,
        intent,
        'human' as intent_source
    from corrected_intents

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
        intents.intent_source,
        mentions.platform,
        mentions.lang,
        mentions.author_handle,
        mentions.url,
        mentions.sentiment_label,
        mentions.is_spam,

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
