-- Each mention as listening queries read it: normalised text and the fields a
-- query can test, computed once per build so that every topic's predicate (and
-- `ecoute preview`) is a scan of ready columns. Empty strings stand for unknown
-- values, so a predicate is never null and `NOT` behaves as users expect.

with mentions as (

    select * from {{ ref('int_mentions_unioned') }}

),

texts as (

    select
        mention_id,
        concat(coalesce(title, ''), ' ', coalesce(text, '')) as full_text,
        platform,
        lang,
        author_handle,
        url,
        author_country
    from mentions

),

tagged as (

    select
        mention_id,
        {{ ecoute.tagged_text('full_text') }} as tagged_text,
        {{ ecoute.nfc_text('full_text') }} as raw_text,
        platform,
        lang,
        author_handle,
        url,
        author_country
    from texts

),

final as (

    select
        -- ids
        mention_id,

        -- text: tagged (' l avion #airaurore '), plain (' l avion airaurore '), raw
        tagged_text,
        {{ ecoute.plain_text('tagged_text') }} as plain_text,
        raw_text,

        -- fields, lower case, '' when unknown
        coalesce(lower(platform), '') as platform,
        coalesce(lower(lang), '') as lang,
        coalesce({{ ecoute.fold_text("ltrim(author_handle, '@')") }}, '') as author,
        coalesce({{ ecoute.url_site('url') }}, '') as site,
        coalesce(lower(trim(author_country)), '') as country

    from tagged

)

select * from final
