-- One row per author with the signals that tell a spam bot from a person, and
-- the spam score they add up to. Every signal is a column in [0, 1], so an
-- analyst sees why an account scores high:
--
--   link_only_ratio       share of posts that are (almost) only a link
--   copied_link_ratio     share of posts that copy another text and carry a
--                         link: a promotion pasted again and again
--   duplicate_ratio       share of posts that copy an earlier mention's text
--                         (`exact_copy` or `near_copy`; reshares are not copies)
--   self_repeat_ratio     share of posts repeating the author's own earlier text
--   posting_rate          posts per active day, from `busy_day_posts` (0) to
--                         `bot_day_posts` (1)
--   burst_rate            most posts in one hour, from `busy_hour_posts` (0) to
--                         `bot_hour_posts` (1)
--   few_followers         1 - log10(1 + followers) / 3: 1 with no follower, 0
--                         from 999; 0 when unknown (no evidence either way)
--
-- The ratios and few_followers are weighed by the evidence, posts / (posts + 1):
-- one post says little about an account (a person can paste a meme once), ten
-- say a lot. The score combines the signals as independent evidence,
--
--     spam_score = 1 - Π (1 - weight × signal),
--
-- so each signal alone can raise the score up to its weight and signals
-- compound: a person whose posts are 30% copies scores about 0.2, an account
-- posting a pasted promotion and bare links about 0.85. The exclusion threshold
-- is in listening.yml (`spam.exclusion_threshold`, `int_mentions_spam_scored`).

{%- set weights = {
    'link_only_ratio': 0.9,
    'copied_link_ratio': 0.9,
    'duplicate_ratio': 0.5,
    'self_repeat_ratio': 0.7,
    'posting_rate': 0.6,
    'burst_rate': 0.6,
    'few_followers': 0.3,
} %}
{%- set busy_day_posts = 10 %}
{%- set bot_day_posts = 50 %}
{%- set busy_hour_posts = 5 %}
{%- set bot_hour_posts = 20 %}

with mentions as (

    select
        mention_id,
        author_id,
        author_followers,
        published_at
    from {{ ref('int_mentions_unioned') }}

),

fingerprinted as (

    select
        mention_id,
        has_link,
        is_link_only
    from {{ ref('int_mentions_fingerprinted') }}

),

deduplicated as (

    select
        mention_id,
        duplicate_cluster_id,
        duplicate_kind
    from {{ ref('int_mentions_deduplicated') }}

),

posts as (

    select
        mentions.mention_id,
        mentions.author_id,
        mentions.author_followers,
        cast(mentions.published_at as date) as published_day,
        {{ dbt.date_trunc('hour', 'mentions.published_at') }} as published_hour,
        fingerprinted.has_link,
        fingerprinted.is_link_only,
        deduplicated.duplicate_kind in ('exact_copy', 'near_copy') as is_copy,
        row_number() over (
            partition by mentions.author_id, deduplicated.duplicate_cluster_id
            order by mentions.published_at, mentions.mention_id
        ) > 1 as is_self_repeat
    from mentions
    inner join fingerprinted
        on fingerprinted.mention_id = mentions.mention_id
    inner join deduplicated
        on deduplicated.mention_id = mentions.mention_id

),

hourly as (

    select
        author_id,
        published_hour,
        count(*) as posts
    from posts
    group by author_id, published_hour

),

bursts as (

    select
        author_id,
        max(posts) as max_posts_per_hour
    from hourly
    group by author_id

),

authors as (

    select
        author_id,
        count(*) as posts,
        count(distinct published_day) as active_days,
        max(author_followers) as author_followers,
        sum(case when is_link_only then 1 else 0 end) as link_only_posts,
        sum(case when is_copy and has_link then 1 else 0 end) as copied_link_posts,
        sum(case when is_copy then 1 else 0 end) as copied_posts,
        sum(case when is_self_repeat then 1 else 0 end) as self_repeated_posts
    from posts
    group by author_id

),

signals as (

    select
        authors.author_id,
        authors.posts,
        authors.active_days,
        bursts.max_posts_per_hour,
        authors.author_followers,
        cast(authors.posts as double) / authors.active_days as posts_per_active_day,
        cast(authors.posts as double) / (authors.posts + 1) as evidence,
        cast(authors.link_only_posts as double) / authors.posts as link_only_ratio,
        cast(authors.copied_link_posts as double) / authors.posts as copied_link_ratio,
        cast(authors.copied_posts as double) / authors.posts as duplicate_ratio,
        cast(authors.self_repeated_posts as double) / authors.posts as self_repeat_ratio,
        least(greatest(
            (cast(authors.posts as double) / authors.active_days - {{ busy_day_posts }})
            / {{ bot_day_posts - busy_day_posts }}, 0), 1) as posting_rate,
        least(greatest(
            cast(bursts.max_posts_per_hour - {{ busy_hour_posts }} as double)
            / {{ bot_hour_posts - busy_hour_posts }}, 0), 1) as burst_rate,
        case
            when authors.author_followers is null then 0
            else 1 - least(log10(1 + greatest(authors.author_followers, 0)) / 3, 1)
        end as few_followers
    from authors
    inner join bursts
        on bursts.author_id = authors.author_id

),

final as (

    select
        -- ids
        author_id,

        -- measures: activity
        cast(posts as {{ dbt.type_bigint() }}) as posts,
        cast(active_days as {{ dbt.type_bigint() }}) as active_days,
        posts_per_active_day,
        cast(max_posts_per_hour as {{ dbt.type_bigint() }}) as max_posts_per_hour,
        author_followers,

        -- measures: signals in [0, 1]
        link_only_ratio,
        copied_link_ratio,
        duplicate_ratio,
        self_repeat_ratio,
        posting_rate,
        burst_rate,
        few_followers,
        evidence,

        -- measures: the score
        1 - (
            {%- for signal, weight in weights.items() %}
            (1 - {{ weight }} * {{ signal }}{{ '' if signal in ('posting_rate', 'burst_rate') else ' * evidence' }})
            {{- ' *' if not loop.last }}
            {%- endfor %}
        ) as spam_score

    from signals

)

select * from final
