"""Printed documents (ReportLab, no Qt): the action plan, the recovery kit and the RGPD notice.

All three share the embedded DejaVu fonts, the styles and the single escape helper
(:func:`cep_desk.plan_pdf.text.para`).
"""

from cep_desk.plan_pdf.builder import SECTION_TITLES, render_plan

__all__ = ["SECTION_TITLES", "render_plan"]
