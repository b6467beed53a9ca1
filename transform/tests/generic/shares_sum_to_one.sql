{#
    The shares in `column_name` add up to 1 (± `tolerance`) within each partition.
    A partition whose shares are all null (its total is 0, so no share is defined)
    is skipped; one where only some are null fails. Fails with each bad partition.
#}
{% test shares_sum_to_one(model, column_name, partition_by, tolerance=1e-9) %}

with partitions as (

    select
        {{ partition_by | join(', ') }},
        count(*) as share_rows,
        count({{ column_name }}) as defined_shares,
        sum({{ column_name }}) as share_total
    from {{ model }}
    group by {{ partition_by | join(', ') }}

),

failures as (

    select *
    from partitions
    where defined_shares > 0
        and (
            defined_shares <> share_rows
            or abs(share_total - 1) > {{ tolerance }}
        )

)

select * from failures

{% endtest %}
