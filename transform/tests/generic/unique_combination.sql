{#
    The combination of `columns` identifies a row: fails with each duplicated
    combination and how many rows share it. Used on model level:

        data_tests:
          - unique_combination:
              arguments:
                columns: [mention_id, topic_id]
#}
{% test unique_combination(model, columns) %}

with grouped as (

    select
        {{ columns | join(', ') }},
        count(*) as duplicate_rows
    from {{ model }}
    group by {{ columns | join(', ') }}
    having count(*) > 1

)

select * from grouped

{% endtest %}
