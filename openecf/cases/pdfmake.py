"""Small, plain PDFs made with pikepdf: the demo's documents and the tests' (no external files to ship)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pikepdf

LETTER = (0, 0, 612, 792)


def pdf_text(text: str) -> str:
    """A PDF literal string's inside: backslashes and parentheses escaped, Latin-1 only (the base fonts' range)."""
    safe = text.encode("latin-1", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def helvetica(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )


def new_pdf(pages: Sequence[Sequence[str]]) -> pikepdf.Pdf:
    """A letter-size PDF with the given lines of text on each page (an open pikepdf.Pdf, for tests to alter)."""
    pdf = pikepdf.new()
    font = helvetica(pdf)
    for lines in pages:
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 700 Td"]
        ops += [f"({pdf_text(line)}) '" for line in lines]
        ops.append("ET")
        page = pdf.add_blank_page(page_size=LETTER[2:])
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream("\n".join(ops).encode("latin-1"))
    return pdf


def to_bytes(pdf: pikepdf.Pdf, **save: object) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **save)  # type: ignore[arg-type]
    return out.getvalue()


def make_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """The bytes of a plain PDF with these lines on each page."""
    with new_pdf(pages) as pdf:
        return to_bytes(pdf, deterministic_id=True)
