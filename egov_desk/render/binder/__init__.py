"""装订成册 drawn and joined: Qt paints the cover, the table of contents, the separators and images; pikepdf joins
them with the evidence PDFs, stamps every page and writes the bookmarks (egov_desk.core.binder says what goes in)."""

from egov_desk.render.binder.writer import BinderProgress, BinderWritten, write_binder

__all__ = ["BinderProgress", "BinderWritten", "write_binder"]
