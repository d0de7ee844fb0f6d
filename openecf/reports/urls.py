"""Query and Reports on a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern, path

from openecf.reports import lists, views

urlpatterns: list[URLPattern] = [
    path("cgi-bin/possible_case_numbers.pl", views.possible_case_numbers, name="possible_case_numbers"),
    path("cgi-bin/iquery.pl", views.iquery, name="iquery"),
    path("cgi-bin/DktRpt.pl", views.docket_report, name="dktrpt"),
    path("cgi-bin/HistDocQry.pl", views.history, name="histdocqry"),
]

# The court-wide reports of the Reports menu (openecf/reports/lists.py).
urlpatterns += [
    path("cgi-bin/rss_outside.pl", lists.rss_feed, name="rss_outside"),
    path("cgi-bin/WrtOpRpt.pl", lists.written_opinions, name="wrtoprpt"),
    path("cgi-bin/CaseFiled-Rpt.pl", lists.civil_cases, name="casefiled_rpt"),
    path("cgi-bin/CrCaseFiled-Rpt.pl", lists.criminal_cases, name="crcasefiled_rpt"),
    path("cgi-bin/DktActivityRpt.pl", lists.docket_activity, name="dktactivityrpt"),
    path("cgi-bin/SearchClaims.pl", lists.claims_register, name="searchclaims"),
]
