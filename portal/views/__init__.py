"""Portal views, one module per page family; each is thin and calls selectors and services."""
