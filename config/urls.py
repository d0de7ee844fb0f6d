from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from openecf.billing.urls import urlpatterns as billing_pages
from openecf.cmecf.urls import urlpatterns as court_pages
from openecf.core.views import healthz
from openecf.documents.urls import urlpatterns as document_pages
from openecf.ecfpasswords.urls import urlpatterns as court_password_pages
from openecf.filing.urls import urlpatterns as filing_pages
from openecf.noticing.urls import urlpatterns as noticing_pages
from openecf.reports.urls import urlpatterns as reports_pages

# A court's CM/ECF site, the ``cmecf`` namespace: its pages, its password pages, its filing, noticing, report and fee
# pages, from apps of several layers (each uses cmecf), so put together here. config/urls_court_host.py serves the
# same at a court's host.
COURT_SITE = (
    [
        *court_pages,
        *court_password_pages,
        *filing_pages,
        *noticing_pages,
        *reports_pages,
        *billing_pages,
        *document_pages,
    ],
    "cmecf",
)

# Court pages first: after sign-on nearly every request is one, and Django tries the patterns in order.
urlpatterns: list[URLPattern | URLResolver] = [
    path("ecf/<str:court_id>/", include(COURT_SITE)),
    path("", include("openecf.signon.urls")),
    path("account/", include("openecf.myaccount.urls")),
    path("account/efile/", include("openecf.efile.urls")),
    path("account/mfa/", include("openecf.myaccount.mfa_urls")),
    path("clerk/", include("openecf.clerks.urls")),
    path("", include("openecf.locator.urls")),  # the PACER Case Locator: pcl/ and pcl-public-api/rest/
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
if settings.OPENECF_DEMO_MAILDIR:  # the demo only: config/settings/production.py always leaves it empty
    urlpatterns.append(path("demo/mail/", include("openecf.demo.mail_urls")))

handler400 = "openecf.signon.views.bad_request"
handler403 = "openecf.signon.views.forbidden"
handler404 = "openecf.reports.views.court_page_not_found"  # a court page on a court's site
handler500 = "openecf.signon.views.server_error"
