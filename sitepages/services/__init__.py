"""Writes that matter (creating pages for editors); the admin views and commands call these."""
