"""NextGen's PDF checks: each thing CASES.md lists as refused is refused with the court's message naming what was
found; plain documents, hyperlinks and scans are accepted. Every PDF here is built by the test with pikepdf."""

from __future__ import annotations

from collections.abc import Callable

import pikepdf
import pytest

from openecf.cases.pdfchecks import MALFORMED, SECURED, PdfRefused, check_pdf
from openecf.cases.pdfmake import make_pdf, new_pdf, to_bytes

LIMIT = 35 * 1024 * 1024
Name, Dictionary, Array = pikepdf.Name, pikepdf.Dictionary, pikepdf.Array


def built(change: Callable[[pikepdf.Pdf], None], **save: object) -> bytes:
    with new_pdf([["Motion to Dismiss"], ["Page two"]]) as pdf:
        change(pdf)
        return to_bytes(pdf, **save)


def annotate(pdf: pikepdf.Pdf, annotation: pikepdf.Dictionary) -> None:
    annotation.Rect = Array([72, 72, 144, 144])
    pdf.pages[0].obj.Annots = pdf.make_indirect(Array([pdf.make_indirect(annotation)]))


def js_open_action(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=pikepdf.String("app.alert('hi')"))


def named_script(pdf: pikepdf.Pdf) -> None:
    script = Dictionary(S=Name.JavaScript, JS=pikepdf.String("1"))
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([pikepdf.String("s"), pdf.make_indirect(script)])))


def page_action(pdf: pikepdf.Pdf) -> None:
    pdf.pages[1].obj.AA = Dictionary(O=Dictionary(S=Name.JavaScript, JS=pikepdf.String("1")))


def link_with_script(pdf: pikepdf.Pdf) -> None:
    annotate(
        pdf, Dictionary(Type=Name.Annot, Subtype=Name.Link, A=Dictionary(S=Name.JavaScript, JS=pikepdf.String("1")))
    )


def action(kind: str) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        annotate(pdf, Dictionary(Type=Name.Annot, Subtype=Name.Link, A=Dictionary(S=Name(kind), F=pikepdf.String("x"))))

    return change


def embedded_file(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["evidence.txt"] = pikepdf.AttachedFileSpec(pdf, b"secret", mime_type="text/plain")


def attachment_annotation(pdf: pikepdf.Pdf) -> None:
    spec = pikepdf.AttachedFileSpec(pdf, b"data", mime_type="text/plain")
    annotate(pdf, Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, FS=spec.obj))


def media(subtype: str) -> Callable[[pikepdf.Pdf], None]:
    return lambda pdf: annotate(pdf, Dictionary(Type=Name.Annot, Subtype=Name(subtype)))


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (js_open_action, "JavaScript, run when the document opens"),
        (named_script, "JavaScript (document-level named scripts)"),
        (page_action, "JavaScript"),
        (link_with_script, "JavaScript"),
        (action("/Launch"), "an action that launches an application (/Launch)"),
        (action("/ImportData"), "an action that imports data (/ImportData)"),
        (action("/SubmitForm"), "an action that submits a form (/SubmitForm)"),
        (action("/GoToR"), "a link into another file (/GoToR)"),
        (action("/GoToE"), "a link into an embedded file (/GoToE)"),
        (embedded_file, "embedded files (attachments inside the PDF)"),
        (attachment_annotation, "embedded files (a file-attachment annotation)"),
        (media("/Movie"), "audio or video (/Movie content)"),
        (media("/Sound"), "audio or video (/Sound content)"),
        (media("/Screen"), "audio or video (/Screen content)"),
        (media("/RichMedia"), "audio or video (/RichMedia content)"),
        (media("/3D"), "audio or video (/3D content)"),
    ],
)
def test_active_content_is_refused_with_the_courts_message(change: Callable[[pikepdf.Pdf], None], found: str) -> None:
    with pytest.raises(PdfRefused) as refused:
        check_pdf(built(change), max_bytes=LIMIT)
    assert refused.value.message == f"{MALFORMED} Found: {found}."
    assert refused.value.found == found


def test_a_password_is_refused() -> None:
    data = built(lambda pdf: None, encryption=pikepdf.Encryption(user="open-me", owner="owner"))
    with pytest.raises(PdfRefused) as refused:
        check_pdf(data, max_bytes=LIMIT)
    assert refused.value.message == f"{SECURED} Found: password protection (the document needs a password to open)."


def test_access_restrictions_without_a_password_are_refused() -> None:
    restricted = pikepdf.Encryption(user="", owner="owner", allow=pikepdf.Permissions(extract=False))
    with pytest.raises(PdfRefused) as refused:
        check_pdf(built(lambda pdf: None, encryption=restricted), max_bytes=LIMIT)
    assert refused.value.message == f"{SECURED} Found: encryption with access restrictions."


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"", "an empty file (0 bytes)"),
        (b"MZ\x90\x00\x03" + b"\x00" * 200, "a file that is not a PDF (it does not start with %PDF-)"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "a PDF whose structure is damaged and cannot be read"),
    ],
)
def test_what_is_not_a_well_formed_pdf_is_refused(data: bytes, found: str) -> None:
    with pytest.raises(PdfRefused) as refused:
        check_pdf(data, max_bytes=LIMIT)
    assert refused.value.message == f"{MALFORMED} Found: {found}."


def test_the_courts_size_limit() -> None:
    data = make_pdf([["x"]])
    with pytest.raises(PdfRefused) as refused:
        check_pdf(data, max_bytes=len(data) - 1)
    assert refused.value.message == (
        "The document is 0.0 MB and this court accepts PDF documents of up to 0 MB. "
        "This PDF document cannot be accepted."
    )
    assert check_pdf(data, max_bytes=len(data)).page_count == 1


def test_a_two_megabyte_pdf_over_a_one_megabyte_limit_names_both_sizes() -> None:
    padding = pikepdf.Dictionary(Filler=pikepdf.String("x" * (2 * 1024 * 1024)))
    data = built(lambda pdf: pdf.Root.__setattr__("PieceInfo", pdf.make_indirect(padding)))
    with pytest.raises(PdfRefused) as refused:
        check_pdf(data, max_bytes=1024 * 1024)
    assert refused.value.message.startswith(
        "The document is 2.0 MB and this court accepts PDF documents of up to 1 MB."
    )


def test_fillable_forms_are_refused_only_where_the_court_says_so() -> None:
    def form(pdf: pikepdf.Pdf) -> None:
        field = pdf.make_indirect(Dictionary(FT=Name.Tx, T=pikepdf.String("name")))
        pdf.Root.AcroForm = Dictionary(Fields=Array([field]))

    data = built(form)
    assert check_pdf(data, max_bytes=LIMIT).page_count == 2
    with pytest.raises(PdfRefused) as refused:
        check_pdf(data, max_bytes=LIMIT, refuse_forms=True)
    assert refused.value.found == "fillable form fields that are not flattened"


def test_hyperlinks_and_plain_documents_are_accepted() -> None:
    def uri(pdf: pikepdf.Pdf) -> None:
        link = Dictionary(S=Name.URI, URI=pikepdf.String("https://www.uscourts.gov/"))
        annotate(pdf, Dictionary(Type=Name.Annot, Subtype=Name.Link, A=link))

    assert check_pdf(built(uri), max_bytes=LIMIT).page_count == 2
    assert check_pdf(make_pdf([["a"], ["b"], ["c"]]), max_bytes=LIMIT).page_count == 3


def test_a_compressed_bomb_is_not_decompressed_to_be_checked() -> None:
    # 200 MB of zeros compress to about 200 KB; the check reads the object tree only, never the stream's content.
    import zlib

    bomb = zlib.compress(b"\x00" * (200 * 1024 * 1024), 9)

    def add(pdf: pikepdf.Pdf) -> None:
        stream = pikepdf.Stream(pdf, bomb)
        stream.Filter = Name.FlateDecode
        pdf.Root.PieceInfo = pdf.make_indirect(stream)

    data = built(add, compress_streams=False)
    assert check_pdf(data, max_bytes=LIMIT).page_count == 2
