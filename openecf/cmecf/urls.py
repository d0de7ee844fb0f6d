"""A court's CM/ECF pages under /ecf/<court>/. config/urls.py serves them in the ``cmecf`` namespace together with
the court's CM/ECF password pages (openecf/ecfpasswords/urls.py, a layer above)."""

from django.urls import URLPattern, path

from openecf.cmecf import views, views_account

urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("cgi-bin/login.pl", views.login_pl, name="login_pl"),
    path("n/beam/servlet/TransportRoom", views.transport_room, name="transport_room"),
    path("utilities/", views.utilities, name="utilities"),
    path("utilities/nextgen-release-1.1/", views.nextgen_menu, name="nextgen_menu"),
    path("utilities/link/", views.link, name="link"),
    path("utilities/link/confirm/", views.link_confirm, name="link_confirm"),
    path("utilities/link/done/", views.link_done, name="link_done"),
    path("utilities/client-code/", views.client_code, name="client_code"),
    path("utilities/maintain-account/", views_account.maintain_account, name="maintain_account"),
    path("menu/<slug:slug>/", views.menu, name="menu"),
    path("unavailable/<slug:slug>/", views.unavailable, name="unavailable"),
]
