"""The paper satisfaction questionnaire (issue #12, item 2): the same questions as the screen,
one A4 page, with **no name**: only a reference code the counsellor matches when she types
the answers in (:func:`cep_desk.usecases.satisfaction.paper_reference`).

The questions and scales are CEP Desk's own design (France compétences' questionnaire is not
public); they come from :mod:`cep_desk.domain` so that paper and screen never drift apart.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from cep_desk import domain
from cep_desk.plan_pdf.canvas import build_pdf
from cep_desk.plan_pdf.styles import make_styles
from cep_desk.plan_pdf.text import one_line, para

FORM_TITLE = "Votre avis sur le conseil en évolution professionnelle"
BOX = "\u2610"  # ☐, in DejaVu Sans (the embedded font)


def render_paper_form(
    reference: str, level: int, organisation: str = "", *, large_print: bool = False
) -> bytes:
    """One page to hand over or post; nothing on it says who the person is."""
    st = make_styles(large_print)

    def question(number: int, text: str, options: list[str]) -> list[Flowable]:
        """A 4-level scale one option a line (easy to tick, nothing wraps); oui/non side by
        side."""
        boxes = [Paragraph(f"{BOX}&nbsp;&nbsp;{para(o)}", st.body) for o in options]
        cells = [boxes] if len(options) <= 2 else [[b] for b in boxes]
        widths = [160] * len(options) if len(options) <= 2 else [480]
        grid = Table(cells, colWidths=widths, hAlign="LEFT")
        grid.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 14),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return [Paragraph(f"<b>{number}. {para(text)}</b>", st.body), Spacer(1, 4), grid,
                Spacer(1, 10)]  # fmt: skip

    level_words = "premier niveau" if level == 1 else "deuxième niveau"
    story: list[Flowable] = [
        Paragraph(FORM_TITLE, st.title),
        Paragraph(f"Questionnaire de fin de {level_words} (niveau {level})", st.subtitle),
        Paragraph(
            "Ce questionnaire est facultatif et ne porte pas votre nom. Vos réponses sont "
            "comptées de façon anonyme pour améliorer le service ; votre commentaire n'est "
            "jamais imprimé à côté de votre nom. Cochez une case par question, ou laissez-la "
            "vide si vous ne souhaitez pas répondre.",
            st.body,
        ),
        Spacer(1, 14),
    ]
    story += question(1, domain.QUESTION_SATISFACTION, list(domain.SATISFACTION_SCALE.values()))
    story += question(2, domain.QUESTION_USEFULNESS, list(domain.USEFULNESS_SCALE.values()))
    story += question(3, domain.QUESTION_RECOMMEND, ["Oui", "Non"])
    story.append(Paragraph(f"<b>4. {para(domain.QUESTION_COMMENT)}</b>", st.body))
    story.append(Spacer(1, 4))
    lines = Table([[""] for _ in range(5)], colWidths=[480], rowHeights=[24] * 5, hAlign="LEFT")
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey)]))
    story += [lines, Spacer(1, 18)]
    story.append(
        Paragraph(
            "Merci de rendre ce questionnaire à votre conseiller ou conseillère, ou de le "
            "déposer à l'accueil.",
            st.body,
        )
    )
    story.append(Spacer(1, 10))
    story.append(
        Paragraph(f"Code du questionnaire (à ne pas modifier) : <b>{para(reference)}</b>", st.body)
    )
    org = one_line(organisation)
    return build_pdf(
        story,
        title=f"{FORM_TITLE} – niveau {level}",
        author=org,
        subject="Questionnaire de satisfaction (conseil en évolution professionnelle)",
        footer_left=f"Questionnaire de satisfaction · {org}"
        if org
        else "Questionnaire de satisfaction",
        footer_size=st.footer_size,
        keywords=reference,
    )
