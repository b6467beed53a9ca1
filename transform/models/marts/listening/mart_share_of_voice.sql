-- One row per competitive set × period grain (day, week, month) × period × member topic.
--
-- Every member appears in every period, with 0 mentions when nobody talked about
-- it, so shares are comparable across periods and a silent competitor is visible.
-- Periods are those in which the warehouse holds any mention (of any topic).
-- A mention naming two members counts for both: the set total is the sum of its
-- members' mentions, so shares add up to 1. Spam (`is_spam`) is left out;
-- `unique_mentions` counts each duplicate cluster once per member, in the period
-- it first reached the member.

{%- set period_grains = ['day', 'week', 'month'] %}

with mention_topics as (

    select * from {{ ref('fct_mention_topics') }}

),

mentions as (

    select * from {{ ref('fct_mentions') }}

),

memberships as (

    select * from {{ ref('stg_listening__topic_competitive_sets') }}

),

-- Additive daily totals per topic, rolled up to each period grain below.
topic_daily_totals as (

    select
        topic_id,
        published_date,
        count(*) as mentions,
        sum(case when is_first_in_cluster then 1 else 0 end) as unique_mentions,
        sum(engagement) as engagements,
        sum(potential_reach) as potential_reach,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative
    from mention_topics
    where not is_spam
    group by topic_id, published_date

),

mention_days as (

    select distinct published_date
    from mentions

),

{% for grain in period_grains %}
topic_{{ grain }}_totals as (

    select
        '{{ grain }}' as period_grain,
        cast({{ dbt.date_trunc(grain, 'published_date') }} as date) as period_start,
        topic_id,
        sum(mentions) as mentions,
        sum(unique_mentions) as unique_mentions,
        sum(engagements) as engagements,
        sum(potential_reach) as potential_reach,
        sum(positive) as positive,
        sum(negative) as negative
    from topic_daily_totals
    group by
        cast({{ dbt.date_trunc(grain, 'published_date') }} as date),
        topic_id

),

{{ grain }}_periods as (

    select distinct
        '{{ grain }}' as period_grain,
        cast({{ dbt.date_trunc(grain, 'published_date') }} as date) as period_start
    from mention_days

),

{% endfor %}
topic_periods as (

    {% for grain in period_grains %}
    select * from topic_{{ grain }}_totals
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

periods as (

    {% for grain in period_grains %}
    select * from {{ grain }}_periods
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- Every member of every set in every period.
spine as (

    select
        memberships.competitive_set,
        periods.period_grain,
        periods.period_start,
        memberships.topic_id
    from memberships
    cross join periods

),

member_periods as (

    select
        spine.competitive_set,
        spine.period_grain,
        spine.period_start,
        spine.topic_id,
        coalesce(topic_periods.mentions, 0) as mentions,
        coalesce(topic_periods.unique_mentions, 0) as unique_mentions,
        coalesce(topic_periods.engagements, 0) as engagements,
        coalesce(topic_periods.potential_reach, 0) as potential_reach,
        coalesce(topic_periods.positive, 0) as positive,
        coalesce(topic_periods.negative, 0) as negative
    from spine
    left join topic_periods
        on topic_periods.topic_id = spine.topic_id
        and topic_periods.period_grain = spine.period_grain
        and topic_periods.period_start = spine.period_start

),

set_totals as (

    select
        competitive_set,
        period_grain,
        period_start,
        sum(mentions) as set_mentions,
        sum(unique_mentions) as set_unique_mentions,
        sum(engagements) as set_engagements,
        sum(potential_reach) as set_potential_reach
    from member_periods
    group by competitive_set, period_grain, period_start

),

final as (

    select
        -- grain
        member_periods.competitive_set,
        member_periods.period_grain,
        member_periods.period_start,
        member_periods.topic_id,

        -- measures
        cast(member_periods.mentions as {{ dbt.type_bigint() }}) as mentions,
        {{ share('member_periods.mentions', 'set_totals.set_mentions') }} as share_of_voice,
        cast(member_periods.unique_mentions as {{ dbt.type_bigint() }}) as unique_mentions,
        {{ share('member_periods.unique_mentions', 'set_totals.set_unique_mentions') }} as unique_share_of_voice,
        cast(member_periods.engagements as {{ dbt.type_bigint() }}) as engagements,
        {{ share('member_periods.engagements', 'set_totals.set_engagements') }} as engagement_share,
        cast(member_periods.potential_reach as {{ dbt.type_bigint() }}) as potential_reach,
        {{ share('member_periods.potential_reach', 'set_totals.set_potential_reach') }} as reach_share,
        {{ net_sentiment('member_periods.positive', 'member_periods.negative') }} as net_sentiment,
        rank() over (
            partition by
                member_periods.competitive_set,
                member_periods.period_grain,
                member_periods.period_start
            order by member_periods.mentions desc
        ) as rank

    from member_periods
    inner join set_totals
        on set_totals.competitive_set = member_periods.competitive_set
        and set_totals.period_grain = member_periods.period_grain
        and set_totals.period_start = member_periods.period_start

)

select * from final
