"""Hostile PDFs (issue 14, item 8), each through both doors: Utilities -> Check PDF Document and the docketing
service a filing's last step calls (cases.docketing.file_entry). Each is refused with the court's exact message
and nothing is stored: no file under the document root, no entry, no document, no number used. The accepted kinds
(hyperlinks, PDF/A, a scan with OCR) pass both doors.

Every PDF is built here with pikepdf or by hand (the bombs), none shipped as a file.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import resource
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import TEST_ORIGIN, make_ecf, make_pacer
from openecf.audit.models import AuditEvent
from openecf.cases import services
from openecf.cases.docketing import DocumentRefused, Upload, file_entry
from openecf.cases.models import Case, DocketEntry, Document
from openecf.cases.pdfchecks import MALFORMED, SECURED, STRUCTURE_MAX_BYTES, TOO_LARGE, TOO_MANY_PAGES
from openecf.cases.pdfmake import make_pdf, new_pdf, to_bytes
from openecf.cases.tests import test_pdfchecks as build
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
CHECK_PAGE = "/ecf/wiwd/utilities/check-pdf/"
Name, Dictionary, Array = pikepdf.Name, pikepdf.Dictionary, pikepdf.Array


@pytest.fixture(autouse=True)
def document_root(settings: Any, tmp_path: Path) -> Path:
    root = tmp_path / "documents"
    settings.OPENECF_DOCUMENT_ROOT = root
    settings.OPENECF_DOCUMENT_STORAGE = ""
    return root


@pytest.fixture
def civil_case(db: None) -> Case:
    wiwd = Court.objects.get(pk="wiwd")
    judge = services.add_judge(court=wiwd, name="Judith D. Parker", origin=TEST_ORIGIN)
    return services.open_case(court=wiwd, case_type="cv", title="Smith v. Acme Corp.", judge=judge, origin=TEST_ORIGIN)


@pytest.fixture
def checker(db: None) -> Client:
    client = Client()
    client.force_login(make_pacer("wiwdcheck", "Chris Checker"))
    return client


# --- The bombs: deflate streams that inflate to gigabytes, built without ever holding the gigabytes ----------------


def deflate_bomb(head: bytes, megabytes: int) -> bytes:
    """A zlib stream of ``head`` then ``megabytes`` MB of zeros, about 1 KB per MB. After a full flush deflate starts
    afresh, so one compressed megabyte of zeros can be repeated as bytes; the checksum is computed by arithmetic."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    zeros = c.compress(b"\0" * MB) + c.flush(zlib.Z_FULL_FLUSH)
    end = c.flush(zlib.Z_FINISH)
    a, b = 1, 0
    for byte in head:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    b = (b + megabytes * MB % 65521 * a) % 65521  # zeros leave a as it is and add it to b once per byte
    return b"\x78\xda" + start + zeros * megabytes + end + ((b << 16) | a).to_bytes(4, "big")


def structure_bomb(megabytes: int) -> bytes:
    """A one-page PDF whose catalog refers to an object kept in a compressed object stream (PDF 1.5) that inflates
    to ``megabytes`` MB: to read the document's structure, a reader must inflate it."""
    data = deflate_bomb(b"5 0 << /Bomb true >>", megabytes)
    parts = [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]
    offsets: dict[int, int] = {}

    def obj(number: int, content: bytes) -> None:
        offsets[number] = sum(map(len, parts))
        parts.append(b"%d 0 obj\n" % number + content + b"\nendobj\n")

    obj(1, b"<< /Type /Catalog /Pages 2 0 R /PieceInfo 5 0 R >>")
    obj(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    obj(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> >>")
    obj(
        4,
        b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(data)
        + data
        + b"\nendstream",
    )
    xref_at = sum(map(len, parts))
    rows = [b"\x00\x00\x00\x00\x00\xff"]
    rows += [b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00" for n in (1, 2, 3, 4)]
    rows += [b"\x02" + (4).to_bytes(4, "big") + b"\x00", b"\x01" + xref_at.to_bytes(4, "big") + b"\x00"]
    table = b"".join(rows)
    parts.append(
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 1] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
        + table
        + b"\nendstream\nendobj\n"
    )
    parts.append(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return b"".join(parts)


def lzw_object_stream() -> bytes:
    """The structure bomb's shape with LZW, which qpdf would inflate without a limit (the same length, so the
    cross-reference offsets still hold)."""
    data = structure_bomb(64)
    assert data.count(b"/Filter /FlateDecode") == 1
    return data.replace(b"/Filter /FlateDecode", b"/Filter /LZWDecode  ")


def test_the_bombs_are_what_they_claim() -> None:
    # The small ones are inflated here to prove the construction; the big ones differ only in repetitions.
    assert zlib.decompress(deflate_bomb(b"head", 3)) == b"head" + b"\0" * (3 * MB)
    with pikepdf.open(io.BytesIO(structure_bomb(2))) as pdf:
        assert pdf.Root.PieceInfo.Bomb is True
        assert len(pdf.pages) == 1


def content_bomb(megabytes: int) -> bytes:
    """A plain PDF carrying a Flate stream (page content nobody draws) that inflates to ``megabytes`` MB."""

    def add(pdf: pikepdf.Pdf) -> None:
        stream = pikepdf.Stream(pdf, deflate_bomb(b"", megabytes))
        stream.Filter = Name.FlateDecode
        pdf.Root.PieceInfo = pdf.make_indirect(stream)

    return build.built(add, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)


# --- Other hostile and accepted PDFs ----------------------------------------------------------------------------


def pages(count: int) -> bytes:
    with new_pdf([["Page"]]) as pdf:
        first = pdf.pages[0]
        for _ in range(count - 1):
            pdf.pages.append(first)
        return to_bytes(pdf)


def fillable_form(pdf: pikepdf.Pdf) -> None:
    field = pdf.make_indirect(Dictionary(FT=Name.Tx, T=pikepdf.String("name")))
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]))


def hyperlink(pdf: pikepdf.Pdf) -> None:
    link = Dictionary(S=Name.URI, URI=pikepdf.String("https://www.uscourts.gov/"))
    build.annotate(pdf, Dictionary(Type=Name.Annot, Subtype=Name.Link, A=link))


def pdf_a(pdf: pikepdf.Pdf) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
    profile = pdf.make_stream(b"\0" * 128)
    profile.N = 3
    pdf.Root.OutputIntents = Array(
        [
            Dictionary(
                Type=Name.OutputIntent,
                S=Name.GTS_PDFA1,
                OutputConditionIdentifier=pikepdf.String("sRGB"),
                DestOutputProfile=profile,
            )
        ]
    )


def scanned() -> bytes:
    """A scanned page: a JPEG filling the page, with the OCR text drawn invisibly (render mode 3) over it."""
    from PIL import Image

    jpeg = io.BytesIO()
    Image.new("L", (850, 1100), 235).save(jpeg, format="JPEG", quality=60)
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, jpeg.getvalue())
    image.Type, image.Subtype, image.Width, image.Height = Name.XObject, Name.Image, 850, 1100
    image.ColorSpace, image.BitsPerComponent, image.Filter = Name.DeviceGray, 8, Name.DCTDecode
    page = pdf.add_blank_page(page_size=(612, 792))
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    page.obj.Resources = Dictionary(XObject=Dictionary(Im0=image), Font=Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"q 612 0 0 792 0 0 cm /Im0 Do Q BT 3 Tr /F1 12 Tf 72 700 Td (ORDER) Tj ET")
    return to_bytes(pdf)


ZIP_BOMB = (
    f"compressed structure that expands to more than {STRUCTURE_MAX_BYTES // MB} MB " + '(a "zip bomb")'
)  # what was found, in the refusal


def active(change: Callable[[pikepdf.Pdf], None], found: str) -> tuple[Callable[[], bytes], str]:
    return (lambda: build.built(change)), f"{MALFORMED} Found: {found}."


HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "javascript open action": active(build.js_open_action, "JavaScript, run when the document opens"),
    "named javascript": active(build.named_script, "JavaScript (document-level named scripts)"),
    "page action javascript": active(build.page_action, "JavaScript"),
    "annotation javascript": active(build.link_with_script, "JavaScript"),
    "launch": active(build.action("/Launch"), "an action that launches an application (/Launch)"),
    "import data": active(build.action("/ImportData"), "an action that imports data (/ImportData)"),
    "submit form": active(build.action("/SubmitForm"), "an action that submits a form (/SubmitForm)"),
    "goto remote": active(build.action("/GoToR"), "a link into another file (/GoToR)"),
    "goto embedded": active(build.action("/GoToE"), "a link into an embedded file (/GoToE)"),
    "password": (
        lambda: build.built(lambda pdf: None, encryption=pikepdf.Encryption(user="open-me", owner="owner")),
        f"{SECURED} Found: password protection (the document needs a password to open).",
    ),
    "access restrictions": (
        lambda: build.built(
            lambda pdf: None,
            encryption=pikepdf.Encryption(user="", owner="owner", allow=pikepdf.Permissions(extract=False)),
        ),
        f"{SECURED} Found: encryption with access restrictions.",
    ),
    "embedded file": active(build.embedded_file, "embedded files (attachments inside the PDF)"),
    "file attachment annotation": active(build.attachment_annotation, "embedded files (a file-attachment annotation)"),
    **{
        f"media {kind}": active(build.media(kind), f"audio or video ({kind} content)")
        for kind in ("/Movie", "/Sound", "/Screen", "/RichMedia", "/3D")
    },
    "zip bomb in the structure (4 GB)": (lambda: structure_bomb(4096), f"{MALFORMED} Found: {ZIP_BOMB}."),
    "lzw object stream": (
        lambda: lzw_object_stream(),
        f"{MALFORMED} Found: an object stream compressed with /LZWDecode, which cannot be read within bounds.",
    ),
    "empty file": (lambda: b"", f"{MALFORMED} Found: an empty file (0 bytes)."),
    "renamed exe": (
        lambda: b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 4000,
        f"{MALFORMED} Found: a file that is not a PDF (it does not start with %PDF-).",
    ),
    "10,000 pages": (lambda: pages(10_000), TOO_MANY_PAGES.format(pages=10_000, limit=5_000)),
}


def stored(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def refusal_on_page(response: Any) -> str:
    found = re.search(
        r'(?s)<div class="alert alert-error" role="alert" id="pdf-refused">\s*<p>(.*?)</p>', response.content.decode()
    )
    assert found is not None, response.content.decode()[:2000]
    return html.unescape(found[1])


def check_on_page(client: Client, data: bytes, name: str = "motion.pdf") -> Any:
    return client.post(CHECK_PAGE, {"document": SimpleUploadedFile(name, data, content_type="application/pdf")})


@pytest.mark.parametrize("kind", HOSTILE)
def test_check_pdf_document_refuses(kind: str, checker: Client, document_root: Path) -> None:
    make, message = HOSTILE[kind]
    data = make()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    response = check_on_page(checker, data)
    assert response.status_code == 200
    assert refusal_on_page(response) == f"motion.pdf: {message}"
    assert 'id="pdf-accepted"' not in response.content.decode()
    assert time.monotonic() - started < 20
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 512 * 1024  # KB: nothing inflated to GB
    assert stored(document_root) == []


@pytest.mark.parametrize("kind", HOSTILE)
def test_filing_refuses(kind: str, civil_case: Case, document_root: Path) -> None:
    make, message = HOSTILE[kind]
    attorney = make_ecf("wiwd", "asample", "Attorney Sample", "Old-Court-Password-1!")
    plain = make_pdf([["Motion"]])
    # The hostile file as an attachment, after a good main document: the main one must not be kept either.
    with pytest.raises(DocumentRefused) as refused:
        file_entry(
            case=civil_case,
            text="MOTION to Dismiss",
            documents=[Upload(plain, "motion.pdf"), Upload(make(), "exhibit.pdf", "Exhibit A")],
            filed_by=attorney,
            origin=TEST_ORIGIN,
        )
    assert refused.value.messages == [f"Attachment 1: {message}"]
    assert refused.value.position == 1
    assert stored(document_root) == []
    assert not DocketEntry.objects.exists() and not Document.objects.exists()
    assert not AuditEvent.objects.filter(event="docket_entry.filed").exists()
    civil_case.refresh_from_db()
    assert (civil_case.last_docket_number, civil_case.last_de_seq_num) == (0, 0)


def test_fillable_forms_are_refused_where_the_court_refuses_them(
    checker: Client, civil_case: Case, document_root: Path
) -> None:
    data = build.built(fillable_form)
    assert 'id="pdf-accepted"' in check_on_page(checker, data).content.decode()  # wiwd accepts them by default
    services.filing_settings(civil_case.court).__class__.objects.filter(court=civil_case.court).update(
        refuse_fillable_forms=True
    )
    message = f"{MALFORMED} Found: fillable form fields that are not flattened."
    assert refusal_on_page(check_on_page(checker, data)) == f"motion.pdf: {message}"
    with pytest.raises(DocumentRefused) as refused:
        file_entry(case=civil_case, text="MOTION", documents=[Upload(data, "form.pdf")], origin=TEST_ORIGIN)
    assert refused.value.messages == [f"The main document: {message}"]
    assert stored(document_root) == [] and not DocketEntry.objects.exists()


def test_over_the_courts_size_limit(checker: Client, civil_case: Case, document_root: Path) -> None:
    services.filing_settings(civil_case.court).__class__.objects.filter(court=civil_case.court).update(
        pdf_size_limit_mb=1
    )
    padding = Dictionary(Filler=pikepdf.String("x" * (2 * MB)))
    data = build.built(lambda pdf: pdf.Root.__setattr__("PieceInfo", pdf.make_indirect(padding)))
    message = TOO_LARGE.format(size=f"{len(data) / MB:.1f} MB", limit=1)
    assert message.startswith("The document is 2.0 MB and this court accepts PDF documents of up to 1 MB.")
    assert refusal_on_page(check_on_page(checker, data)) == f"motion.pdf: {message}"
    with pytest.raises(DocumentRefused) as refused:
        file_entry(case=civil_case, text="MOTION", documents=[Upload(data, "big.pdf")], origin=TEST_ORIGIN)
    assert refused.value.messages == [f"The main document: {message}"]
    assert stored(document_root) == [] and not DocketEntry.objects.exists()


def test_a_bomb_in_page_content_is_never_inflated(checker: Client, civil_case: Case, document_root: Path) -> None:
    """Content, images and attachments are not decoded by the checks (nor by the stamp): a 4 GB bomb there costs
    nothing to check, and the court accepts the document as the viewer's concern (docs/decisions.md)."""
    data = content_bomb(4096)
    assert len(data) < 5 * MB
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    assert 'id="pdf-accepted"' in check_on_page(checker, data).content.decode()
    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 512 * 1024


ACCEPTED: dict[str, Callable[[], bytes]] = {
    "hyperlink": lambda: build.built(hyperlink),
    "pdf/a": lambda: build.built(pdf_a),
    "scanned with ocr": scanned,
}


@pytest.mark.parametrize("kind", ACCEPTED)
def test_accepted_through_both_doors(kind: str, checker: Client, civil_case: Case, document_root: Path) -> None:
    data = ACCEPTED[kind]()
    response = check_on_page(checker, data, "ok.pdf")
    page = response.content.decode()
    assert 'id="pdf-accepted"' in page and "ok.pdf: this PDF document is acceptable for filing in this court." in page
    pages = 1 if kind == "scanned with ocr" else 2
    table = re.search(r'(?s)<table class="courts" id="pdf-facts">(.*?)</table>', page)
    assert table is not None
    facts = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table[1])).strip()
    assert facts == f"Pages {pages} Size {len(data)} bytes SHA-256 {hashlib.sha256(data).hexdigest()}"
    assert stored(document_root) == []  # the check keeps nothing
    entry = file_entry(case=civil_case, text="EXHIBIT", documents=[Upload(data, "ok.pdf")], origin=TEST_ORIGIN)
    assert entry.documents.get().page_count == pages
    assert len(stored(document_root)) == 1
