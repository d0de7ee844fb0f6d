from django.contrib import admin

from openecf.clerks.models import ClerkMembership, LinkCorrection
from openecf.core.admin import ReadOnlyAdmin


@admin.register(ClerkMembership)
class ClerkMembershipAdmin(ReadOnlyAdmin):
    """Granted and revoked with add_clerk (audited)."""

    list_display = ["account", "court", "granted_at"]
    list_filter = ["court"]
    search_fields = ["account__username", "account__name"]


@admin.register(LinkCorrection)
class LinkCorrectionAdmin(ReadOnlyAdmin):
    """Proposed and decided on the clerk's desk, by two different clerks."""

    list_display = ["id", "court", "ecf_account", "pacer_account", "status", "proposed_by", "decided_by"]
    list_filter = ["status", "court"]
