"""The one-page "Kit de secours": the recovery key of an encrypted workspace, on paper."""

from __future__ import annotations

import re
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from cep_desk.formatting import format_date_long
from cep_desk.plan_pdf.canvas import build_pdf
from cep_desk.plan_pdf.fonts import MONO, register_mono
from cep_desk.plan_pdf.styles import (
    ACCENT,
    FRAME_WIDTH,
    HEADER_BG,
    NOTICE_BG,
    cell_font,
    make_styles,
)
from cep_desk.plan_pdf.text import one_line, para

KIT_TITLE = "Kit de secours"


def key_lines(recovery_key: str, per_line: int = 4) -> list[str]:
    """The key cut into lines of ``per_line`` groups, characters kept exactly as given.

    A key written with separators (``-`` or spaces) keeps them; a key without any is shown in
    groups of four separated by spaces, which are only there to help reading.
    """
    key = one_line(recovery_key)
    if "-" in key:
        groups = [g for g in key.split("-") if g]
        sep = "-"
    elif " " in key:
        groups, sep = key.split(), " "
    else:
        groups, sep = [key[i : i + 4] for i in range(0, len(key), 4)], " "
    lines = []
    for i in range(0, len(groups), per_line):
        chunk = sep.join(groups[i : i + per_line])
        more = i + per_line < len(groups) and sep == "-"
        lines.append(chunk + ("-" if more else ""))
    return lines or [""]


def render_recovery_kit(
    workspace_label: str, recovery_key: str, created_on: date, counsellor_name: str
) -> bytes:
    """One A4 page to print once and keep locked away from the laptop."""
    register_mono()
    st = make_styles(False)
    key_style = ParagraphStyle(
        "key", parent=st.mono, fontName=MONO, fontSize=20, leading=30, alignment=1
    )
    info = Table(
        [
            [Paragraph("<b>Espace de travail</b>", st.cell), Paragraph(para(workspace_label),
                                                                        st.cell)],
            [Paragraph("<b>Créé le</b>", st.cell), Paragraph(format_date_long(created_on),
                                                              st.cell)],
            [Paragraph("<b>Conseiller ou conseillère</b>", st.cell),
             Paragraph(para(counsellor_name), st.cell)],
        ],
        colWidths=[FRAME_WIDTH * 0.36, FRAME_WIDTH * 0.64],
    )  # fmt: skip
    info.setStyle(TableStyle([*cell_font(st), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    lines = key_lines(recovery_key)
    if max(len(x) for x in lines) > 40:  # unusually long: smaller type, still one page
        key_style.fontSize, key_style.leading = 14, 21
    key_box = Table(
        [[Paragraph(para(line), key_style)] for line in lines],
        colWidths=[FRAME_WIDTH],
    )
    key_box.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("BOX", (0, 0), (-1, -1), 1.5, ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), HEADER_BG),
                ("TOPPADDING", (0, 0), (-1, 0), 12),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
            ]
        )
    )
    warn = Table(
        [[Paragraph("<b>Ne gardez jamais ce document avec l'ordinateur portable</b> (ni dans sa "
                    "housse, ni dans le même sac, ni dans le même tiroir). Avec cette clé et "
                    "l'ordinateur, n'importe qui pourrait lire les dossiers des personnes que "
                    "vous accompagnez.", st.body)]],
        colWidths=[FRAME_WIDTH],
    )  # fmt: skip
    warn.setStyle(
        TableStyle(
            [
                *cell_font(st),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), NOTICE_BG),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    bullets = [
        "Rangez-le sous clé (armoire fermée, coffre), dans un autre lieu que l'ordinateur.",
        "Ne le photographiez pas, ne le scannez pas, ne l'envoyez pas par messagerie et ne "
        "l'enregistrez pas sur l'ordinateur.",
        "Si vous pensez que quelqu'un d'autre a vu cette clé, prévenez sans attendre votre "
        "responsable ou le service informatique.",
        "Ce document n'est pas conservé par l'application : imprimez-le maintenant, puis "
        "supprimez le fichier PDF s'il a été enregistré.",
    ]
    story: list[Flowable] = [
        Paragraph(KIT_TITLE, st.title),
        Paragraph("Clé de secours de votre espace de travail chiffré CEP Desk", st.subtitle),
        Spacer(1, 6),
        info,
        Paragraph("À quoi sert ce document ?", st.h2),
        Paragraph(
            "La clé ci-dessous <b>ouvre l'espace de travail chiffré si la phrase de passe est "
            "oubliée</b>. C'est la seule autre façon d'y accéder : sans la phrase de passe et "
            "sans cette clé, les dossiers sont définitivement perdus, personne ne peut les "
            "récupérer.",
            st.body,
        ),
        Paragraph("Votre clé de secours", st.h2),
        key_box,
        Spacer(1, 4),
        Paragraph(
            "Saisissez-la caractère par caractère, dans l'ordre, groupe après groupe.", st.muted
        ),
        Paragraph("Où le ranger ?", st.h2),
        warn,
        Spacer(1, 6),
        *[Paragraph(b, st.bullet, bulletText="•") for b in bullets],
    ]
    return build_pdf(
        story,
        title="Kit de secours – CEP Desk",
        author=counsellor_name,
        subject="Clé de secours de l'espace de travail chiffré",
        footer_left=f"Kit de secours · {one_line(workspace_label)} · CONFIDENTIEL",
        footer_size=st.footer_size,
    )


def normalised_key(text: str) -> str:
    """The key's characters without separators (handy to compare printed and typed keys)."""
    return re.sub(r"[\s\-]", "", text)
