"""Signals tenants sends to the apps above it (tenants imports none of them)."""

from django.dispatch import Signal

# Sent by `school_provision` inside its transaction, once the school's site is built and its
# sections' publications are logged; keyword argument `school` (tenants.models.School).
# The sections' log entries are written in one insert (`pages_publish_log`), which sends no
# `post_save` per entry: a receiver that reacts to publications listens here for a new school.
school_provisioned = Signal()
