"""The listening query language: parse, compile to SQL, evaluate, version.

    from ecoute.query import parse, to_sql
    to_sql(parse('"air aurore" OR #AirAurore NOT "aurore boréale"'))

`syntax` parses, `sql` compiles to predicates over `int_mentions_matchable`,
`reference` is the executable specification the SQL is tested against, `text`
normalises text exactly as the warehouse does, `topics` versions a topic's
query with its exclusions.
"""

from ecoute.query.sql import to_sql
from ecoute.query.syntax import Node, QuerySyntaxError, parse

__all__ = ["Node", "QuerySyntaxError", "parse", "to_sql"]
