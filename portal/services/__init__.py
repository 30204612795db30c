"""Writes of the portal: its own data (authority users, the workplace's audit trail and import
jobs) and the workplace's actions, each through the service the matching command calls."""

from portal.services.users import (
    AuthorityUser,
    AuthorityUserError,
    authority_user_create,
    authority_user_deactivate,
    authority_user_invite,
    authority_user_role_change,
)

__all__ = [
    "AuthorityUser",
    "AuthorityUserError",
    "authority_user_create",
    "authority_user_deactivate",
    "authority_user_invite",
    "authority_user_role_change",
]
