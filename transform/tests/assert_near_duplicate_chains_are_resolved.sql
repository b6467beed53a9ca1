-- Every near copy's root is a text that copies nothing: the pointer jumping of
-- `int_fingerprints_near_matched` followed each chain to its end. A row here
-- means a chain outgrew the model's `hops`; raise them.

select near_matches.*
from {{ ref('int_fingerprints_near_matched') }} as near_matches
inner join {{ ref('int_fingerprints_near_matched') }} as roots
    on roots.fingerprint = near_matches.root_fingerprint
