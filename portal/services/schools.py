"""The workplace's actions on one school, each through the service its command calls
(`create_school` → `school_provision`, `suspend_school` → `school_suspend`/`school_resume`)
plus an audit row and, where a person must act, a Vietnamese e-mail.

Every function raises the underlying service's error (SchoolInputError with per-field
Vietnamese reasons, TemplateNotReady) unchanged, with nothing changed or recorded."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import AuditEntry
from portal.services.audit import audit_record
from portal.services.mail import principal_invitation_mail
from tenants.models import Authority, School
from tenants.services.domains import school_domain_add
from tenants.services.lifecycle import school_resume, school_suspend
from tenants.services.principal import principal_invitation, school_principal_change
from tenants.services.provisioning import ProvisionedSchool, school_provision
from tenants.services.validation import SchoolInputError

Action = AuditEntry.Action


@dataclass(frozen=True)
class CreatedSchool:
    provisioned: ProvisionedSchool
    invitation_sent: bool | None  # None: no principal e-mail given


def portal_school_create(
    *,
    authority: Authority,
    actor: str,
    name: str,
    levels: list[str],
    domain: str,
    code: str = "",
    principal_email: str = "",
    serves_meals: bool = False,
) -> CreatedSchool:
    """Provision a school under `authority` and e-mail its principal the invitation."""
    provisioned = school_provision(
        authority=authority,
        name=name,
        levels=levels,
        domain=domain,
        code=code or None,
        principal_email=principal_email or None,
        serves_meals=serves_meals,
    )
    school = provisioned.school
    audit_record(
        authority=authority,
        actor=actor,
        action=Action.SCHOOL_CREATE,
        target=school.code,
        after={"name": school.name, "domain": provisioned.domain, "levels": school.levels},
    )
    sent = None
    if school.principal_email:
        sent = _invite(school=school, authority=authority, actor=actor)
    return CreatedSchool(provisioned=provisioned, invitation_sent=sent)


def _invite(*, school: School, authority: Authority, actor: str) -> bool:
    return _invitation_mail(
        invitation=principal_invitation(school=school), authority=authority, actor=actor
    )


def _invitation_mail(*, invitation, authority: Authority, actor: str) -> bool:
    """E-mail `invitation` to the principal and record that it was (or could not be) sent."""
    sent = principal_invitation_mail(invitation=invitation, authority=authority)
    audit_record(
        authority=authority,
        actor=actor,
        action=Action.INVITATION_SEND,
        target=invitation.school.code,
        after={"email": invitation.email, "sent": sent},
    )
    return sent


def portal_school_suspend(*, school: School, authority: Authority, actor: str, reason: str):
    """Suspend (parents see a 503 page, nothing is deleted); the reason is required."""
    return _status_change(
        school=school,
        authority=authority,
        actor=actor,
        reason=reason,
        change=school_suspend,
        action=Action.SCHOOL_SUSPEND,
    )


def portal_school_resume(*, school: School, authority: Authority, actor: str, reason: str):
    """Bring a suspended school back; the reason is required."""
    return _status_change(
        school=school,
        authority=authority,
        actor=actor,
        reason=reason,
        change=school_resume,
        action=Action.SCHOOL_RESUME,
    )


def _status_change(*, school, authority, actor, reason, change, action):
    reason = _reason_required(reason)
    with transaction.atomic():
        before = school.status
        change(school=school)
        audit_record(
            authority=authority,
            actor=actor,
            action=action,
            target=school.code,
            reason=reason,
            before={"status": before},
            after={"status": school.status},
        )
    return school


def portal_principal_invite(*, school: School, authority: Authority, actor: str) -> bool:
    """Send the principal a fresh set-password link (earlier links stay valid until one is
    used). Raises SchoolInputError when the school has no principal e-mail."""
    return _invite(school=school, authority=authority, actor=actor)


def portal_principal_change(*, school: School, authority: Authority, actor: str, email: str):
    """Make `email` the principal and send them the invitation; returns whether it was sent."""
    before = school.principal_email
    with transaction.atomic():
        invitation = school_principal_change(school=school, email=email)
        audit_record(
            authority=authority,
            actor=actor,
            action=Action.PRINCIPAL_CHANGE,
            target=school.code,
            before={"email": before},
            after={"email": invitation.email},
        )
    return _invitation_mail(invitation=invitation, authority=authority, actor=actor)


def portal_domain_add(*, school: School, authority: Authority, actor: str, host: str):
    with transaction.atomic():
        domain = school_domain_add(school=school, host=host)
        audit_record(
            authority=authority,
            actor=actor,
            action=Action.DOMAIN_ADD,
            target=school.code,
            after={"domain": domain.domain},
        )
    return domain


def _reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise SchoolInputError({"reason": _("cần ghi lý do.")})
    return reason
