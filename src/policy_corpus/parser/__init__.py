"""The parser: one raw page in, one validated `Article` out.

Stages, one module each: `read` (bytes → text) → `normalise` (NFKC, script, pinyin debris) →
`segment` (line kinds, header/body/footer zones, blocks) → `header` (a role for every header
line) → the field families (`titles`, `bylines`, `sources`, `dates`, `places`, `documents`),
run by the field table in `fields` and checked by `checks` → `pipeline` (the record) →
`validate` (record-level rules). `patterns` holds the shared line shapes, `gazetteer` the
table of divisions.
"""
