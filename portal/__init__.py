"""The authority portal: login, the dashboard over every school, drill-downs, the monthly report
pages and the emulation ranking. Public schema, served on each authority's own host."""
