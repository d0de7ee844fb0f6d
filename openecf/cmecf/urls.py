from django.urls import path

from openecf.cmecf import views
from openecf.ecfpasswords import views as password_views

app_name = "cmecf"

urlpatterns = [
    path("", views.home, name="home"),
    path("cgi-bin/login.pl", views.login_pl, name="login_pl"),
    path("n/beam/servlet/TransportRoom", views.transport_room, name="transport_room"),
    path("cgi-bin/possible_case_numbers.pl", views.possible_case_numbers, name="possible_case_numbers"),
    path("utilities/", views.utilities, name="utilities"),
    path("utilities/nextgen-release-1.1/", views.nextgen_menu, name="nextgen_menu"),
    path("utilities/link/", views.link, name="link"),
    path("utilities/link/confirm/", views.link_confirm, name="link_confirm"),
    path("utilities/link/done/", views.link_done, name="link_done"),
    path("utilities/client-code/", views.client_code, name="client_code"),
    path("password/forgot/", password_views.forgot, name="password_forgot"),
    path("password/reset/<str:token>/", password_views.open_link, name="password_reset"),
    path("password/new/", password_views.new_password, name="password_new"),
    path("menu/<slug:slug>/", views.menu, name="menu"),
    path("unavailable/<slug:slug>/", views.unavailable, name="unavailable"),
]
