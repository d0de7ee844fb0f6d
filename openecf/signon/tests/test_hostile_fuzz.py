"""Hypothesis throws any body, query string, cookie and header at every JSON or XML endpoint; none answers 5xx.

The endpoints (found by grepping openecf/ for JsonResponse, application/json, xml and csrf_exempt):

- POST /services/cso-auth: JSON or <CsoAuth> XML in, the same out; always HTTP 200 with the keys nextGenCSO,
  loginResult and errorDescription, each a string (openecf/signon/api.py, openecf/signon/openapi.json).
- POST /services/cso-logout: the same, with the keys loginResult and errorDescription.
- GET /services/openapi.json: the API's description, served as is.
- GET /ecf/<court>/cgi-bin/possible_case_numbers.pl?<number>: CM/ECF's case-number lookup, XML
  <request number=...><message text=.../></request> (openecf/cmecf/views.py).

Any other method on these gets 405. Bodies are arbitrary JSON (nested deeper than Python's recursion limit, any
Unicode including lone surrogates and NUL, wrong types, numbers of thousands of digits, NaN and Infinity,
duplicate keys, in UTF-8, UTF-16 or UTF-32 with or without a BOM), arbitrary bytes and arbitrary XML-ish text, sent
under any content type. Passwords are hashed with MD5 here: the hasher is not under test, and Argon2id would spend
0.15 s on each parsed login.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeXml
import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from openecf.signon import api

pytestmark = pytest.mark.django_db

# The fixtures (database, settings) are set up once per test, not per example: nothing in them changes between
# examples but the database rows the API writes (audit, throttle counters), which any request may meet anyway.
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FUZZ_MORE = settings(FUZZ, max_examples=150)
FIELDS = api._FIELDS
NOT_LOGGED_IN_NOTE = "Not logged in.  Please refresh this page."
AUTH_KEYS = ["nextGenCSO", "loginResult", "errorDescription"]
LOGOUT_KEYS = ["loginResult", "errorDescription"]


@pytest.fixture(autouse=True)
def fast_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- JSON, written by hand: json.dumps cannot write 10**5000, and a dict cannot hold a key twice ---------------


class Raw(str):
    """JSON text sent as is: numbers json.dumps would refuse or round, NaN, Infinity."""


@dataclass(frozen=True)
class Obj:
    pairs: tuple[tuple[str, Any], ...]  # duplicate keys allowed


def to_json(value: Any, ascii_only: bool) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, Obj):
        return "{" + ",".join(f"{to_json(k, ascii_only)}:{to_json(v, ascii_only)}" for k, v in value.pairs) + "}"
    if isinstance(value, list):
        return "[" + ",".join(to_json(item, ascii_only) for item in value) + "]"
    return json.dumps(value, ensure_ascii=ascii_only)


ODD_CHARACTERS = ["\x00", "\ud800", "\udfff", "\ufeff", "\ufffe", "\u2028", "\x85", "\U0010ffff", "<", "&"]
any_character = st.characters(exclude_categories=()) | st.sampled_from(ODD_CHARACTERS)  # surrogates included
any_text = st.text(any_character, max_size=30) | st.sampled_from(["]]>", "\udc00\ud800", "-->"])
odd_numbers = (
    st.sampled_from(["1e999", "-1e999", "NaN", "Infinity", "-Infinity", "-0", "1E+2", "0.1"])
    | st.integers(1, 9000).map(lambda n: "1" + "0" * n)
    | st.integers(1, 6000).map(lambda n: "-0." + "9" * n)
)
scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text | odd_numbers.map(Raw)
keys = st.sampled_from(FIELDS) | any_text
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.lists(st.tuples(keys, inner), max_size=4).map(tuple).map(Obj),
    max_leaves=16,
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1"]


def encode(text: str, encoding: str) -> bytes:
    """The text's bytes, lone surrogates included (as UTF-8 and UTF-16 would write them); "?" where latin-1 has none."""
    return text.encode(encoding, "replace" if encoding == "latin-1" else "surrogatepass")


@st.composite
def json_bodies(draw: st.DrawFn) -> bytes:
    """Mostly objects with the API's keys, any values; sometimes any JSON value at all."""
    value = draw(st.lists(st.tuples(keys, json_values), max_size=8).map(tuple).map(Obj) | json_values)
    text = to_json(value, ascii_only=draw(st.booleans()))
    return encode(text, draw(st.sampled_from(ENCODINGS)))


@st.composite
def deep_json(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(1, 16_000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"loginId":', "}"), ('{"a":[', "]}")]))
    closed = draw(st.booleans())
    return (opener * depth + "1" + (closer * depth if closed else "")).encode()


@st.composite
def xmlish_bodies(draw: st.DrawFn) -> bytes:
    """Element trees with the API's tag names and others, any text escaped, raw or as character references (which
    reach NUL and surrogates), with or without a declaration or a DTD, sometimes cut short."""

    def text(value: str) -> str:
        how = draw(st.sampled_from(["escaped", "raw", "refs"]))
        if how == "refs":
            return "".join(f"&#x{ord(c):x};" for c in value)
        return escape(value) if how == "escaped" else value

    def element(depth: int) -> str:
        tag = draw(st.sampled_from([*FIELDS, "CsoAuth", "a", "ns:x", "1bad", ""]) | any_text)
        children = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))))
        return f"<{tag}>{text(draw(any_text))}{children}</{tag}>"

    root = draw(st.sampled_from(["CsoAuth", "csoauth", "other"]))
    body = f"<{root}>" + "".join(element(1) for _ in range(draw(st.integers(0, 6)))) + f"</{root}>"
    encoding = draw(st.sampled_from(["UTF-8", "UTF-16", "ISO-8859-1", "bogus", ""]))
    prolog = draw(
        st.sampled_from(
            [
                "",
                f'<?xml version="1.0" encoding="{encoding}"?>',
                f'<?xml version="1.1" encoding="{encoding}"?>',
                '<!DOCTYPE CsoAuth [<!ENTITY e "x">]>',
                '<!DOCTYPE CsoAuth SYSTEM "file:///etc/passwd">',
                "<!-- comment -->",
                "<?pi x?>",
            ]
        )
    )
    document = prolog + body
    if draw(st.booleans()):
        document = document[: draw(st.integers(0, len(document)))]
    return encode(document, draw(st.sampled_from(ENCODINGS)))


@st.composite
def deep_xml(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(1, 4_000))
    return f"<CsoAuth><loginId>{'<a>' * depth}x{'</a>' * depth}</loginId><password>x</password></CsoAuth>".encode()


any_body = st.binary(max_size=300) | json_bodies() | deep_json() | xmlish_bodies() | deep_xml()

# (Content-Type, Accept, the answer's format): the documented rule is that Accept naming JSON wins, and otherwise
# an XML content type, or an Accept naming XML, gets XML.
HEADERS = [
    ("application/json", "", "json"),
    ("application/xml", "", "xml"),
    ("text/xml; charset=utf-8", "", "xml"),
    ("application/xml", "application/json", "json"),
    ("application/json", "application/xml", "json"),
    ("text/plain", "application/xml", "xml"),
    ("text/plain", "", "json"),
    ("", "", "json"),
    ("application/x-www-form-urlencoded", "", "json"),
    ("multipart/form-data; boundary=xyz", "", "json"),
    ("multipart/form-data", "text/xml", "xml"),
    ("application/json; charset=utf-16", "*/*", "json"),
    ("nonsense;;;=\x7f", "xml", "xml"),
]
query_strings = st.lists(
    st.sampled_from(["%ED%A0%80", "%00", "%", "%%", "%zz", "%FF", "&", "=", "a=1", "%C3%A9", "+"])
    | st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="#"), max_size=8),
    max_size=6,
).map("".join)
latin1_text = st.text(st.characters(max_codepoint=0xFF, exclude_characters="\r\n"), max_size=40)


@st.composite
def clients(draw: st.DrawFn) -> Client:
    """A client with any cookies (they reach the server octal-escaped, and come back with NUL or any byte) and any
    token header, as a WSGI server hands them over (ISO-8859-1 text)."""
    headers: dict[str, Any] = {}
    if draw(st.booleans()):
        headers["HTTP_X_NEXT_GEN_CSO"] = draw(latin1_text)
    client = Client(**headers)
    for name in draw(st.lists(st.sampled_from(["sessionid", "NextGenCSO", "PacerSession", "PacerClientCode"]))):
        client.cookies[name] = draw(latin1_text | st.sampled_from(["abcdefgh\x00ijk", "a" * 128, "x" * 5000]))
    return client


def answer_of(response: Any, expected_format: str, keys: list[str]) -> dict[str, str]:
    """The answer's keys and values, after checking its status, type and exact shape."""
    assert response.status_code == 200, response.content[:300]
    kind = (response.wsgi_request.content_type, response.wsgi_request.META.get("HTTP_ACCEPT"), response["Content-Type"])
    assert response["Cache-Control"].startswith("no-store")
    if expected_format == "xml":
        assert response["Content-Type"] == "application/xml; charset=utf-8", kind
        root = SafeXml.fromstring(response.content)
        assert root.tag == "CsoAuth" and not root.attrib
        assert [child.tag for child in root] == keys
        assert all(len(child) == 0 and not child.attrib for child in root)
        return {child.tag: child.text or "" for child in root}
    assert response["Content-Type"] == "application/json", kind
    data = json.loads(response.content)
    assert isinstance(data, dict) and list(data) == keys
    assert all(isinstance(value, str) for value in data.values()), data
    return data


def post(client: Client, path: str, body: bytes, content_type: str, accept: str, query: str = "") -> Any:
    # CONTENT_TYPE given outright: the test client leaves it out when the body is empty.
    extra: dict[str, Any] = {"CONTENT_TYPE": content_type, **({"HTTP_ACCEPT": accept} if accept else {})}
    return client.generic("POST", f"{path}?{query}" if query else path, body, content_type=content_type, **extra)


def auth(client: Client, body: bytes, content_type: str = "application/json", accept: str = "") -> dict[str, str]:
    response = post(client, "/services/cso-auth", body, content_type, accept)
    return answer_of(response, "xml" if content_type.endswith("/xml") else "json", AUTH_KEYS)


# --- the two crashes found on the demo, and their kin ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/services/cso-auth", "/services/cso-logout"])
def test_eight_thousand_brackets_are_refused_as_too_deep(path: str) -> None:
    response = post(Client(), path, b"[" * 8000, "application/json", "")
    data = answer_of(response, "json", AUTH_KEYS if path.endswith("auth") else LOGOUT_KEYS)
    assert data["loginResult"] == "1"
    assert data["errorDescription"] == "The JSON is nested too deeply. Send an object with loginId and password."


@pytest.mark.parametrize("raw", [b'"\\ud800"', b'"\xed\xa0\x80"', b'"a\\udfffb"'])
def test_a_lone_surrogate_in_the_login_id_is_refused_by_name(raw: bytes) -> None:
    data = auth(Client(), b'{"loginId": ' + raw + b', "password": "x"}')
    assert data == {
        "nextGenCSO": "",
        "loginResult": "1",
        "errorDescription": "loginId is not valid: it contains a lone surrogate, which is not Unicode text.",
    }


@pytest.mark.parametrize("field", [f for f in FIELDS if f != "nextGenCSO"])
@pytest.mark.parametrize(
    "value, reason",
    [
        ('"\\ud800"', "is not valid: it contains a lone surrogate, which is not Unicode text."),
        ('"a\\u0000b"', "is not valid: it contains a NUL character."),
        ('"' + "x" * 1025 + '"', "is not valid: it is longer than 1024 characters."),
        ("1" + "0" * 5000, "is not valid: it is longer than 1024 characters."),
        ("1e999", "must be a string."),
        ("NaN", "must be a string."),
        ("-Infinity", "must be a string."),
        ("1.5", "must be a string."),
        ("true", "must be a string."),
        ('{"a": 1}', "must be a string."),
        ("[" * 500 + "]" * 500, "must be a string."),
    ],
)
def test_each_field_is_refused_by_name_whatever_it_holds(field: str, value: str, reason: str) -> None:
    body = {"loginId": '"someone"', "password": '"secret"', field: value}
    text = "{" + ",".join(f'"{key}": {raw}' for key, raw in body.items()) + "}"
    assert auth(Client(), text.encode())["errorDescription"] == f"{field} {reason}"


def test_a_number_of_many_digits_is_taken_as_its_digits() -> None:
    # Python's int() refuses more than 4,300 digits; the API never converts them, so only the length counts.
    body = b'{"loginId": "someone", "password": ' + b"9" * 1024 + b', "clientCode": "a b"}'
    assert auth(Client(), body)["errorDescription"] == api.CLIENT_CODE_RULE


@pytest.mark.parametrize(
    "body, reason",
    [
        (b'{"loginId": "x", "loginId": [1], "password": "y"}', "loginId must be a string."),
        (b'{"loginId": [1], "loginId": "x", "password": ""}', "loginId and password are required."),
    ],
)
def test_of_duplicate_keys_the_last_counts(body: bytes, reason: str) -> None:
    assert auth(Client(), body)["errorDescription"] == reason


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_json_in_any_unicode_encoding_is_read(encoding: str) -> None:
    body = json.dumps({"loginId": " ", "password": ""}).encode(encoding)
    assert auth(Client(), body)["errorDescription"] == "loginId and password are required."


@pytest.mark.parametrize(
    "bom, encoding",
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_xml_behind_a_byte_order_mark_is_read_as_xml(bom: bytes, encoding: str) -> None:
    body = bom + "<CsoAuth><loginId> </loginId><password/></CsoAuth>".encode(encoding)
    assert auth(Client(), body, "application/xml")["errorDescription"] == "loginId and password are required."


def test_non_utf8_bytes_in_json_are_refused() -> None:
    data = auth(Client(), b'{"loginId": "caf\xe9", "password": "x"}')
    assert data["errorDescription"] == "The JSON could not be read. Send an object with loginId and password."


@pytest.mark.parametrize("size", [api.MAX_BODY + 1, 3 * 1024 * 1024])
def test_a_huge_body_is_refused_unread(size: int) -> None:
    # 3 MiB is above Django's DATA_UPLOAD_MAX_MEMORY_SIZE, where reading request.body would have answered 400.
    body = b'{"loginId": "' + b"x" * size + b'"}'
    assert auth(Client(), body)["errorDescription"] == "The request is too large."


def test_an_element_with_elements_inside_is_not_a_string() -> None:
    body = b"<CsoAuth><loginId><b>x</b></loginId><password>x</password></CsoAuth>"
    assert auth(Client(), body, "text/xml")["errorDescription"] == "loginId must be a string."


@pytest.mark.parametrize("path", ["/services/cso-auth", "/services/cso-logout", "/services/openapi.json"])
def test_a_nul_in_the_session_cookie_is_no_server_error(path: str) -> None:
    # The cookie header is plain ASCII ("abcdefgh\000ijk" in quotes); the cookie parser turns \000 into NUL, which
    # PostgreSQL refuses in a query.
    client = Client()
    client.cookies["sessionid"] = "abcdefgh\x00ijk"
    if path == "/services/openapi.json":
        assert client.get(path).status_code == 200
    else:
        assert post(client, path, b"{}", "application/json", "").status_code == 200


# --- fuzzing --------------------------------------------------------------------------------------------------


@FUZZ_MORE
@given(
    client=clients(),
    body=any_body,
    headers=st.sampled_from(HEADERS),
    query=query_strings,
)
@example(client=Client(), body=b"[" * 8000, headers=HEADERS[0], query="")
@example(client=Client(), body=b'{"loginId": "\\ud800", "password": "x"}', headers=HEADERS[0], query="%ED%A0%80")
def test_cso_auth_answers_any_request_as_documented(client: Client, body: bytes, headers: Any, query: str) -> None:
    content_type, accept, expected = headers
    response = post(client, "/services/cso-auth", body, content_type, accept, query)
    data = answer_of(response, expected, AUTH_KEYS)
    # No account has these credentials: never a token, always a reason.
    assert data["nextGenCSO"] == ""
    assert data["loginResult"] in {"1", "13"}
    assert data["errorDescription"].strip()


@FUZZ_MORE
@given(client=clients(), body=any_body, headers=st.sampled_from(HEADERS), query=query_strings)
@example(client=Client(), body=b"[" * 8000, headers=HEADERS[1], query="")
def test_cso_logout_answers_any_request_as_documented(client: Client, body: bytes, headers: Any, query: str) -> None:
    content_type, accept, expected = headers
    response = post(client, "/services/cso-logout", body, content_type, accept, query)
    data = answer_of(response, expected, LOGOUT_KEYS)
    # An unknown token is ended without complaint ("0", no text); a malformed request is explained ("1").
    if data["loginResult"] == "0":
        assert data["errorDescription"] == ""
    else:
        assert data["loginResult"] == "1" and data["errorDescription"].strip()


@FUZZ
@given(
    client=clients(),
    path=st.sampled_from(["/services/cso-auth", "/services/cso-logout", "/services/openapi.json"]),
    method=st.sampled_from(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
    body=st.binary(max_size=50),
    query=query_strings,
)
def test_other_methods_are_refused_and_the_description_is_served_as_is(
    client: Client, path: str, method: str, body: bytes, query: str
) -> None:
    response = client.generic(method, f"{path}?{query}", body, content_type="application/json")
    allowed = "GET" if path.endswith(".json") else "POST"
    if method != allowed:
        assert response.status_code == 405 and response["Allow"] == allowed
    elif allowed == "GET":
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
        assert response.content == api.OPENAPI_PATH.read_bytes()
    else:
        assert response.status_code == 200 and response["Content-Type"] == "application/json"


@FUZZ
@given(client=clients(), query=query_strings | st.text(any_character, max_size=40).map(lambda t: quote_any(t)))
@example(client=Client(), query="%00%01%ED%A0%80%EF%BF%BE<&>")
def test_possible_case_numbers_answers_well_formed_xml_for_any_query(client: Client, query: str) -> None:
    response = client.get(f"/ecf/wiwd/cgi-bin/possible_case_numbers.pl?{query}")
    assert response.status_code == 200 and response["Content-Type"] == "text/xml; charset=utf-8"
    root = SafeXml.fromstring(response.content)
    assert root.tag == "request" and [child.tag for child in root] == ["message"]
    assert root.get("number") == xml_text(unquote(query))[:100]
    message = root[0].get("text")
    assert message in (NOT_LOGGED_IN_NOTE, f"Cannot find case {root.get('number')}")


def quote_any(text: str) -> str:
    """Percent-encodes text, lone surrogates included (as the three bytes UTF-8 would give them)."""
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8", "surrogatepass"))


def xml_text(text: str) -> str:
    """What an XML 1.0 document can hold of the text: each character it cannot is U+FFFD."""
    return "".join(
        c if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000" else "\ufffd"
        for c in text
    )
