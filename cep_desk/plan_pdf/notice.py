"""The one-page RGPD information notice handed to the person at the first session."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer

from cep_desk.formatting import format_date_long
from cep_desk.plan_pdf.canvas import build_pdf
from cep_desk.plan_pdf.styles import make_styles
from cep_desk.plan_pdf.text import one_line, para

NOTICE_TITLE = "Vos données personnelles"
CNIL_ADDRESS = "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07"


@dataclass(frozen=True)
class NoticeOrganisation:
    organisation: str
    address: str = ""
    dpo_contact: str = ""
    counsellor_name: str = ""
    retention_years: int = 2


def _as_org(org: NoticeOrganisation | Mapping[str, Any]) -> NoticeOrganisation:
    if isinstance(org, NoticeOrganisation):
        return org
    return NoticeOrganisation(
        organisation=str(org.get("organisation", "") or ""),
        address=str(org.get("address", "") or ""),
        dpo_contact=str(org.get("dpo_contact", "") or ""),
        counsellor_name=str(org.get("counsellor_name", "") or ""),
        retention_years=int(org.get("retention_years", 2) or 2),
    )


def render_information_notice(
    org: NoticeOrganisation | Mapping[str, Any], issued_on: date | None = None
) -> bytes:
    """One A4 page in plain French: who processes the data, why, for how long, who sees it,
    the person's rights and how to complain to the CNIL."""
    o = _as_org(org)
    st = make_styles(False)
    organisation = f"<b>{para(o.organisation)}</b>" if o.organisation.strip() else "L'organisme"
    where = f" ({para(one_line(o.address))})" if o.address.strip() else ""
    years = max(1, int(o.retention_years))
    years_text = "1 an" if years == 1 else f"{years} ans"
    counsellor = f"votre conseiller ou conseillère ({para(o.counsellor_name)})" if (
        o.counsellor_name.strip()
    ) else "votre conseiller ou conseillère"  # fmt: skip
    dpo = (
        f" ou au délégué à la protection des données : {para(o.dpo_contact)}"
        if o.dpo_contact.strip()
        else ""
    )

    def h(text: str) -> Paragraph:
        return Paragraph(text, st.h2)

    def p(text: str) -> Paragraph:
        return Paragraph(text, st.body)

    def b(text: str) -> Paragraph:
        return Paragraph(text, st.bullet, bulletText="•")

    story: list[Flowable] = [
        Paragraph(NOTICE_TITLE, st.title),
        Paragraph(
            "Notice d'information – conseil en évolution professionnelle (CEP)", st.subtitle
        ),  # fmt: skip
        h("Qui utilise vos données, et pourquoi ?"),
        p(
            f"{organisation}{where} enregistre des informations sur vous pour vous accompagner "
            "dans le cadre du conseil en évolution professionnelle : suivre vos entretiens, "
            "construire avec vous votre projet, votre plan d'action et son financement."
        ),
        p(
            "Base légale : une mission d'intérêt public (article 6.1.e du RGPD), le CEP étant "
            "prévu par l'article L. 6111-6 du code du travail. Les informations liées à la santé "
            "ou au handicap ne sont notées qu'avec votre accord exprès."
        ),
        h("Ce qui est conservé, et combien de temps"),
        p(
            "Votre identité et vos coordonnées, votre situation professionnelle, votre parcours "
            "de formation, le contenu utile des entretiens, votre projet et votre plan "
            "d'action. Jamais votre numéro de sécurité sociale. Les données sont gardées "
            f"<b>{years_text} après votre dernier contact</b> avec votre conseiller, puis "
            "effacées. Elles sont enregistrées dans un espace chiffré."
        ),
        h("Qui peut les voir ?"),
        b(f"Votre dossier n'est consulté que par {counsellor}."),
        b("<b>Jamais votre employeur</b> : rien ne lui est transmis."),
        b(
            "Un organisme de formation ou un financeur ne reçoit des informations qu'avec "
            "votre accord."
        ),
        b(
            "Seules des statistiques anonymes (sans votre nom) sont transmises à France "
            "compétences et au suivi d'activité de l'opérateur."
        ),
        h("Vos droits"),
        p(
            "Vous pouvez demander à voir vos données (accès), les faire corriger "
            "(rectification), les faire effacer (effacement), en limiter l'usage (limitation) "
            "ou vous opposer à leur utilisation (opposition). Pour cela, adressez-vous à "
            f"{counsellor}{dpo}. Une réponse vous est donnée dans un délai d'un mois."
        ),
        h("Réclamation"),
        p(
            "Si vous pensez que vos droits ne sont pas respectés, vous pouvez adresser une "
            "réclamation à la CNIL : sur www.cnil.fr, ou par courrier : "
            f"{CNIL_ADDRESS}."
        ),
    ]
    if issued_on:
        story += [Spacer(1, 8), Paragraph(f"Notice remise le {format_date_long(issued_on)}.",
                                          st.muted)]  # fmt: skip
    return build_pdf(
        story,
        title="Vos données personnelles – notice d'information",
        author=o.counsellor_name or o.organisation,
        subject="Information sur le traitement des données personnelles (RGPD) – CEP",
        footer_left=f"Notice d'information RGPD · {one_line(o.organisation)}",
        footer_size=st.footer_size,
    )
