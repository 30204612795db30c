"""Services (writes) and selectors (reads) about authorities and schools."""
