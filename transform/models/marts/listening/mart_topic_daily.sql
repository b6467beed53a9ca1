-- One row per topic × day (reporting time zone) × platform × language with at least one mention.
-- An unknown language is 'und' here (BCP 47's "undetermined"), so the grain has no null.
-- Spam (`is_spam`) is left out; `unique_mentions` counts each duplicate cluster
-- once, on the day it first reached the topic, so it adds up like `mentions`.

with mention_topics as (

    select * from {{ ref('fct_mention_topics') }}

),

daily as (

    select
        -- grain
        topic_id,
        published_date as day,
        platform,
        coalesce(lang, 'und') as lang,

        -- measures
        count(*) as mentions,
        sum(case when is_first_in_cluster then 1 else 0 end) as unique_mentions,
        count(distinct author_id) as unique_authors,
        sum(potential_reach) as potential_reach,
        sum(engagement) as engagements,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive,
        sum(case when sentiment_label = 'neutral' then 1 else 0 end) as neutral,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative

    from mention_topics
    where not is_spam
    group by
        topic_id,
        published_date,
        platform,
        coalesce(lang, 'und')

),

final as (

    select
        -- grain
        topic_id,
        day,
        platform,
        lang,

        -- measures
        cast(mentions as {{ dbt.type_bigint() }}) as mentions,
        cast(unique_mentions as {{ dbt.type_bigint() }}) as unique_mentions,
        cast(unique_authors as {{ dbt.type_bigint() }}) as unique_authors,
        cast(potential_reach as {{ dbt.type_bigint() }}) as potential_reach,
        cast(engagements as {{ dbt.type_bigint() }}) as engagements,
        cast(positive as {{ dbt.type_bigint() }}) as positive,
        cast(neutral as {{ dbt.type_bigint() }}) as neutral,
        cast(negative as {{ dbt.type_bigint() }}) as negative,
        {{ net_sentiment('positive', 'negative') }} as net_sentiment

    from daily

)

select * from final
