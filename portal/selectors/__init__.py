"""Reads behind the portal's pages. Every page is a fixed, small number of queries over the
stored results (aggregated in PostgreSQL), whatever the number of schools."""
