-- One row per (mention, term): hashtags, @handles, keywords and two-word phrases,
-- for word clouds and trending terms.

with terms as (

    select * from {{ ref('int_mentions_terms') }}

),

mentions as (

    select * from {{ ref('fct_mentions') }}

),

final as (

    select
        -- ids
        terms.mention_id,
        terms.term,

        -- dimensions
        terms.term_kind,
        mentions.platform,
        mentions.lang,
        mentions.sentiment_label,
        mentions.is_spam,

        -- timestamps (UTC) and the reader's calendar day
        mentions.published_at,
        mentions.published_date

    from terms
    inner join mentions
        on mentions.mention_id = terms.mention_id

)

select * from final
