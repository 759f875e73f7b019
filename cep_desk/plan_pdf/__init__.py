"""Printed documents (ReportLab, no Qt): the action plan, the recovery kit and the RGPD notice.

All three share the embedded DejaVu fonts, the styles and the single escape helper
(:func:`cep_desk.plan_pdf.text.para`).
"""

from cep_desk.plan_pdf.builder import SECTION_TITLES, render_plan
from cep_desk.plan_pdf.canvas import RenderCancelled
from cep_desk.plan_pdf.kit import render_recovery_kit
from cep_desk.plan_pdf.notice import NoticeOrganisation, render_information_notice

__all__ = [
    "SECTION_TITLES",
    "NoticeOrganisation",
    "RenderCancelled",
    "render_information_notice",
    "render_plan",
    "render_recovery_kit",
]
