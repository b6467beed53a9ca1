{#
    A SQL boolean `expression` holds for every row of the model; fails with the
    rows where it is false. (Restrict it with the test's `where` config.)
#}
{% test expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not ({{ expression }})

{% endtest %}
