"""The open-data API of an authority's portal: read-only JSON of its schools and their monthly
results, paginated, documented at /api/v1/ and cached per authority host."""
