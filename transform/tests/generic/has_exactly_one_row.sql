{#- A settings table holds exactly one row: none would drop every mention in a join, two would double them. -#}

{% test has_exactly_one_row(model) %}

select count(*) as row_count
from {{ model }}
having count(*) <> 1

{% endtest %}
