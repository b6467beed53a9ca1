-- One row per mention with its duplicate cluster: the mentions that say the
-- same thing, counted once where users expect it.
--
-- A cluster gathers
--   * exact copies: mentions with one fingerprint (`int_mentions_fingerprinted`:
--     the same text once URLs, @handles, a leading "RT", case, accents and
--     punctuation are set aside), whenever they were published;
--   * near copies: the fingerprints `int_fingerprints_near_matched` chains to
--     an earlier root text (similar text, published within a day);
--   * reshares: a repost whose original is stored joins its original's
--     cluster, whatever its text says.
-- The canonical mention is the earliest published of the cluster (ties by
-- mention_id); its id is the cluster's id, stable while no earlier copy arrives.

with mentions as (

    select
        mention_id,
        reshare_of_mention_id,
        published_at
    from {{ ref('int_mentions_unioned') }}

),

fingerprinted as (

    select
        mention_id,
        fingerprint
    from {{ ref('int_mentions_fingerprinted') }}

),

near_matches as (

    select
        fingerprint,
        root_fingerprint
    from {{ ref('int_fingerprints_near_matched') }}

),

-- The text cluster of each mention: its fingerprint, or the root text it nearly copies.
text_clusters as (

    select
        mentions.mention_id,
        mentions.reshare_of_mention_id,
        mentions.published_at,
        fingerprinted.fingerprint,
        coalesce(near_matches.root_fingerprint, fingerprinted.fingerprint) as text_cluster
    from mentions
    inner join fingerprinted
        on fingerprinted.mention_id = mentions.mention_id
    left join near_matches
        on near_matches.fingerprint = fingerprinted.fingerprint

),

-- A reshare follows its original (the original's own text cluster).
clustered as (

    select
        text_clusters.mention_id,
        text_clusters.published_at,
        text_clusters.fingerprint,
        originals.mention_id is not null as is_linked_reshare,
        coalesce(originals.text_cluster, text_clusters.text_cluster) as cluster_key
    from text_clusters
    left join text_clusters as originals
        on originals.mention_id = text_clusters.reshare_of_mention_id

),

canonicals as (

    select
        mention_id,
        is_linked_reshare,
        fingerprint,
        first_value(mention_id) over (
            partition by cluster_key
            order by published_at, mention_id
            rows between unbounded preceding and current row
        ) as canonical_mention_id,
        first_value(fingerprint) over (
            partition by cluster_key
            order by published_at, mention_id
            rows between unbounded preceding and current row
        ) as canonical_fingerprint,
        count(*) over (partition by cluster_key) as cluster_size
    from clustered

),

final as (

    select
        -- ids
        mention_id,
        canonical_mention_id as duplicate_cluster_id,
        canonical_mention_id,

        -- dimensions
        mention_id = canonical_mention_id as is_canonical,
        case
            when mention_id = canonical_mention_id then 'original'
            when is_linked_reshare then 'reshare'
            when fingerprint = canonical_fingerprint then 'exact_copy'
            else 'near_copy'
        end as duplicate_kind,

        -- measures
        cast(cluster_size as {{ dbt.type_bigint() }}) as cluster_size

    from canonicals

)

select * from final
