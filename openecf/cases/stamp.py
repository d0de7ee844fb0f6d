"""The header CM/ECF prints across the top of every page of a filed document when it is served:
"Case 3:24-cv-00123-JDP Document 12 Filed 11/30/26 Page 1 of 5".

The stored PDF is never changed (its SHA-256 is the one the NEF's document stamp certifies): stamping works on a
copy of the stored bytes and returns new bytes.
"""

from __future__ import annotations

import io
from datetime import date

import pikepdf

from openecf.cases.pdfmake import helvetica, pdf_text, to_bytes

FONT_SIZE = 8
# Roughly Helvetica's mean glyph width, in text-space units per point of font size: enough to centre the line.
_MEAN_GLYPH_WIDTH = 0.5
# The header sits this far below the top edge of each page.
_TOP_MARGIN = 14


def header_line(*, case_number: str, document: str, filed_on: date, page: int, pages: int) -> str:
    return f"Case {case_number} Document {document} Filed {filed_on:%m/%d/%y} Page {page} of {pages}"


def stamp(data: bytes, *, case_number: str, document: str, filed_on: date) -> bytes:
    """A stamped copy of the stored PDF bytes; ``document`` is "12" or "12-1" (an attachment)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        font = helvetica(pdf)
        total = len(pdf.pages)
        for index, page in enumerate(pdf.pages, start=1):
            text = header_line(case_number=case_number, document=document, filed_on=filed_on, page=index, pages=total)
            name = page.add_resource(font, pikepdf.Name.Font, prefix="FHdr")
            # The crop box is the visible page (the media box when the page has none).
            left, _bottom, right, top = (float(v) for v in page.cropbox)
            width = len(text) * FONT_SIZE * _MEAN_GLYPH_WIDTH
            x = left + max((right - left - width) / 2, 4)
            y = top - _TOP_MARGIN
            # The page's own content is wrapped in q/Q so whatever state it leaves (a transform, a colour) cannot
            # move or hide the header drawn after it.
            page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
            header = f"Q\nq\nBT\n{name} {FONT_SIZE} Tf\n0 g\n{x:.2f} {y:.2f} Td\n({pdf_text(text)}) Tj\nET\nQ\n"
            page.contents_add(pdf.make_stream(header.encode("latin-1")), prepend=False)
        return to_bytes(pdf)
