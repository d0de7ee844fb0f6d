from django.contrib import admin

from openecf.core.admin import ReadOnlyAdmin
from openecf.courts.models import Court


@admin.register(Court)
class CourtAdmin(ReadOnlyAdmin):
    """Go-live dates and the link item change through set_nextgen_date / set_link_item (audited)."""

    list_display = ["id", "short_name", "type", "nextgen_go_live", "link_item_location", "time_zone"]
    list_filter = ["type", "link_item_location"]
    search_fields = ["id", "name", "short_name"]
