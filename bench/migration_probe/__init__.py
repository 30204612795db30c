"""A tenant app holding one real schema change, for measuring and testing migrations across
many schools (bench/scale.py, tests/tenants/test_school_migrations.py): a column with a default
on Wagtail's page table, then an index on it. Installed by the bench's and the tests' settings
only (`bench.settings`, `schoolhost.settings.test`), never in production."""
