"""NextGen's PDF checks (CASES.md), with pikepdf: what a court refuses, and the court's words when it does.

Every refusal names what was found, after the court's own sentence, so the filer knows what to fix. The checks
read the object tree only: page contents, images and attachments are never decoded, so a compressed "zip bomb"
among them costs nothing to check. The tree itself may sit in compressed object streams, which qpdf must decode
to read it: those are bounded (STRUCTURE_MAX_BYTES, set once for the process below), and a PDF whose structure
would expand past the bound is refused instead of being inflated.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf
from django.conf import settings

MALFORMED = (
    "Document is malformed or contains code which may cause an external action (such as launching an "
    "application). This PDF document cannot be accepted."
)
SECURED = (
    "The document has security measures in effect, such as password protection or access restrictions. "
    "This PDF document cannot be accepted."
)
# The size refusal's wording is not public: the product's own (docs/decisions.md).
TOO_LARGE = (
    "The document is {size} and this court accepts PDF documents of up to {limit} MB. "
    "This PDF document cannot be accepted."
)

# The page limit's wording is the product's own too (docs/decisions.md).
TOO_MANY_PAGES = (
    "The document has {pages:,} pages and this court accepts PDF documents of up to {limit:,} pages. "
    "Split it into parts and file them as attachments. This PDF document cannot be accepted."
)
# The most qpdf may inflate from one stream while reading a PDF's structure (object and cross-reference streams);
# real ones are kilobytes. qpdf's limits are process-wide: set here, once, when the checks are first imported.
STRUCTURE_MAX_BYTES = 64 * 1024 * 1024
pikepdf.settings.set_qpdf_limits(
    flate_max_memory=STRUCTURE_MAX_BYTES,
    run_length_max_memory=STRUCTURE_MAX_BYTES,
    png_max_memory=STRUCTURE_MAX_BYTES,
    tiff_max_memory=STRUCTURE_MAX_BYTES,
)

# Actions that leave the document: launching a program, importing or submitting data, opening another file.
_EXTERNAL_ACTIONS = {
    "/Launch": "an action that launches an application (/Launch)",
    "/ImportData": "an action that imports data (/ImportData)",
    "/SubmitForm": "an action that submits a form (/SubmitForm)",
    "/GoToR": "a link into another file (/GoToR)",
    "/GoToE": "a link into an embedded file (/GoToE)",
}
_MEDIA = {"/Movie", "/Sound", "/Screen", "/RichMedia", "/3D"}
# Filters an object stream may use: each either has a qpdf memory limit (Flate, RunLength) or shrinks its input
# (the ASCII ones). qpdf has no limit for LZW, so an LZW object stream could inflate without bound.
_BOUNDED_FILTERS = {
    "/FlateDecode",
    "/Fl",
    "/RunLengthDecode",
    "/RL",
    "/ASCIIHexDecode",
    "/AHx",
    "/ASCII85Decode",
    "/A85",
}


class PdfRefused(Exception):
    """The court's message, ready to show the filer."""

    def __init__(self, message: str, *, found: str) -> None:
        super().__init__(message)
        self.message = message
        self.found = found


@dataclass(frozen=True)
class PdfFacts:
    page_count: int


def _refuse(court_message: str, found: str) -> PdfRefused:
    return PdfRefused(f"{court_message} Found: {found}.", found=found)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def too_large(size: int, *, max_bytes: int) -> PdfRefused:
    """The refusal of a file of ``size`` bytes over the court's limit (also for an upload too large to read)."""
    return PdfRefused(
        TOO_LARGE.format(size=_megabytes(size), limit=max_bytes // (1024 * 1024)), found=f"a {_megabytes(size)} file"
    )


def max_pages_setting() -> int:
    return int(getattr(settings, "OPENECF_PDF_MAX_PAGES", 5000))


def check_pdf(data: bytes, *, max_bytes: int, refuse_forms: bool = False, max_pages: int | None = None) -> PdfFacts:
    """The facts of an acceptable PDF, or PdfRefused with the court's message. ``max_pages``: by default
    OPENECF_PDF_MAX_PAGES."""
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes=max_bytes)
    max_pages = max_pages_setting() if max_pages is None else max_pages
    if not data:
        raise _refuse(MALFORMED, "an empty file (0 bytes)")
    if not data.lstrip(b"\x00\t\n\f\r ")[:5] == b"%PDF-":
        raise _refuse(MALFORMED, "a file that is not a PDF (it does not start with %PDF-)")
    try:
        pdf = pikepdf.open(io.BytesIO(data), attempt_recovery=False)
    except pikepdf.PasswordError:
        raise _refuse(SECURED, "password protection (the document needs a password to open)") from None
    except (pikepdf.PdfError, ValueError, RecursionError):
        raise _refuse(MALFORMED, "a PDF whose structure is damaged and cannot be read") from None
    with pdf:
        if pdf.is_encrypted:
            raise _refuse(SECURED, "encryption with access restrictions")
        try:
            unbounded = _unbounded_object_stream(pdf)
            if unbounded:
                raise _refuse(MALFORMED, unbounded)
            pages = len(pdf.pages)
            if pages > max_pages:  # before the walk, whose time grows with the pages
                raise PdfRefused(TOO_MANY_PAGES.format(pages=pages, limit=max_pages), found=f"{pages:,} pages")
            found = _forbidden(pdf, refuse_forms=refuse_forms)
        except (pikepdf.PdfError, RecursionError):
            raise _refuse(MALFORMED, "a PDF whose structure is damaged and cannot be read") from None
        # qpdf does not fail on a stream it will not inflate past its limit: it warns, and reads the stream's
        # objects as null. Anything built on that reading would be a guess.
        if any("limit exceeded" in warning for warning in pdf.get_warnings()):
            raise _refuse(
                MALFORMED,
                f"compressed structure that expands to more than {STRUCTURE_MAX_BYTES // (1024 * 1024)} MB "
                '(a "zip bomb")',
            )
    if found:
        raise _refuse(MALFORMED, found)
    if pages < 1:
        raise _refuse(MALFORMED, "a PDF without pages")
    return PdfFacts(page_count=pages)


def _unbounded_object_stream(pdf: pikepdf.Pdf) -> str:
    """An object stream whose filters qpdf cannot inflate within bounds, in words; empty when there is none. Read
    from the cross-reference table and the streams' dictionaries, before anything is decoded."""
    numbers = {entry.obj_stream_number for entry in pdf.get_xref_table().values() if entry.type == 2}
    for number in sorted(n for n in numbers if n is not None):
        stream = pdf.get_object((number, 0))
        filters = stream.get("/Filter") if isinstance(stream, pikepdf.Stream) else None
        names = (
            [filters] if isinstance(filters, pikepdf.Name) else filters if isinstance(filters, pikepdf.Array) else []
        )
        for name in names:
            if str(name) not in _BOUNDED_FILTERS:
                return f"an object stream compressed with {name}, which cannot be read within bounds"
    return ""


def _name(value: object) -> str:
    return str(value) if isinstance(value, pikepdf.Name) else ""


def _forbidden(pdf: pikepdf.Pdf, *, refuse_forms: bool) -> str:
    """What the first forbidden object is, in words; empty when there is none. Every object is looked at, the
    unreferenced ones too: a viewer may still reach them, and a clean document has nothing to hide there."""
    opening = pdf.Root.get("/OpenAction")
    if isinstance(opening, pikepdf.Dictionary) and _judge(opening):
        return f"{_judge(opening)}, run when the document opens"
    names = pdf.Root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/JavaScript" in names:
            return "JavaScript (document-level named scripts)"
        if "/EmbeddedFiles" in names:
            return "embedded files (attachments inside the PDF)"
    if refuse_forms:
        form = pdf.Root.get("/AcroForm")
        if isinstance(form, pikepdf.Dictionary) and (len(form.get("/Fields", [])) or "/XFA" in form):
            return "fillable form fields that are not flattened"
    for obj in _every_dictionary(pdf):
        what = _judge(obj)
        if what:
            return what
    return ""


def _every_dictionary(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every dictionary in the file, direct ones nested inside others too (an action is usually written inline in
    its annotation), each indirect object once. Iterative, so deep nesting cannot exhaust the stack."""
    seen: set[tuple[int, int]] = set()
    # The trailer last, so it is walked first: an object is met through what refers to it (an annotation before
    # its file), and only what nothing refers to is met on its own.
    stack: list[object] = [*pdf.objects, pdf.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Object) and obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.Stream):
            obj = obj.stream_dict
        if isinstance(obj, pikepdf.Dictionary):
            yield obj
            stack.extend(value for key, value in obj.items() if key != "/Parent")
        elif isinstance(obj, pikepdf.Array):
            stack.extend(obj)


def _judge(obj: pikepdf.Dictionary) -> str:
    action = _name(obj.get("/S"))
    if "/JS" in obj or action == "/JavaScript":
        return "JavaScript"
    if action in _EXTERNAL_ACTIONS:
        return _EXTERNAL_ACTIONS[action]
    if action in {"/Movie", "/Sound", "/Rendition"}:
        return f"audio or video ({action} action)"
    kind, subtype = _name(obj.get("/Type")), _name(obj.get("/Subtype"))
    if kind in {"/EmbeddedFile", "/Filespec"} and ("/EF" in obj or kind == "/EmbeddedFile"):
        return "embedded files (attachments inside the PDF)"
    if subtype == "/FileAttachment":
        return "embedded files (a file-attachment annotation)"
    if subtype in _MEDIA:
        return f"audio or video ({subtype} content)"
    return ""
