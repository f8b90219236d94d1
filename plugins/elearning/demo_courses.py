"""The demo courses: course facts and a small curriculum, every text (lessons, quizzes)
in Spanish, Portuguese and English (``DemoCourse.language`` is the base one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plugins.elearning.authoring import CourseInput

#: A text in each language: {"ES": .., "PT": .., "EN": ..}
Text = dict[str, str]


@dataclass(frozen=True)
class DemoLesson:
    title: Text
    body: Text
    preview: bool = False
    quiz: dict[str, Any] | None = None
    pass_score: int = 70


@dataclass(frozen=True)
class DemoModule:
    title: Text
    lessons: tuple[DemoLesson, ...]


@dataclass(frozen=True)
class DemoCourse:
    slug: str
    language: str  # the language the course is written in (its base texts)
    facts: CourseInput
    modules: tuple[DemoModule, ...]


def _t(es: str, pt: str, en: str) -> Text:
    return {"ES": es, "PT": pt, "EN": en}


def _quiz(question: Text, options: list[Text], correct: int) -> dict[str, Any]:
    """A one-question quiz whose texts are given in each language."""
    return {"questions": [{"text": question, "options": options, "correct": [correct]}]}


def _curriculum(intro: Text, first: Text, second: Text, quiz: dict[str, Any]
                ) -> tuple[DemoModule, ...]:
    """Two modules: an introduction (a preview lesson and one lesson) and the practice (two
    lessons and a quiz)."""
    return (
        DemoModule(_t("Introducción", "Introdução", "Introduction"), (
            DemoLesson(_t("Bienvenida", "Boas-vindas", "Welcome"),
                       _t(f"Bienvenida al curso: {intro['ES']}.",
                          f"Bem-vindo ao curso: {intro['PT']}.",
                          f"Welcome to the course: {intro['EN']}."), preview=True),
            DemoLesson(first, _t(f"Conceptos clave: {first['ES'].lower()}.",
                                 f"Conceitos-chave: {first['PT'].lower()}.",
                                 f"Key ideas: {first['EN'].lower()}.")),
        )),
        DemoModule(_t("Práctica", "Prática", "Practice"), (
            DemoLesson(second, _t(f"Paso a paso: {second['ES'].lower()}.",
                                  f"Passo a passo: {second['PT'].lower()}.",
                                  f"Step by step: {second['EN'].lower()}.")),
            DemoLesson(_t("Plan de acción", "Plano de ação", "Action plan"),
                       _t("Escribe tu plan para las próximas cuatro semanas.",
                          "Escreva o seu plano para as próximas quatro semanas.",
                          "Write your plan for the next four weeks.")),
            DemoLesson(_t("Cuestionario final", "Questionário final", "Final quiz"),
                       _t("Responde para terminar el curso.",
                          "Responda para concluir o curso.",
                          "Answer to finish the course."), quiz=quiz, pass_score=60),
        )),
    )


SELF_PACED, LIVE = "SELF_PACED_RECORDED", "LIVE_ONLINE"

COURSES: tuple[DemoCourse, ...] = (
    DemoCourse("curso-marketing-digital", "ES", CourseInput(
        delivery_mode=SELF_PACED, languages=["ES", "EN"], level="BEGINNER",
        duration_minutes=360, topics=["marketing", "social media"]), _curriculum(
        _t("vender más en internet", "vender mais na internet", "selling more online"),
        _t("Tu cliente ideal", "O seu cliente ideal", "Your ideal customer"),
        _t("Redes sociales", "Redes sociais", "Social media"),
        _quiz(_t("¿Qué canal conviene primero a una tienda local?",
                 "Que canal convém primeiro a uma loja local?",
                 "Which channel suits a local shop best first?"),
              [_t("Perfil de Empresa de Google", "Perfil da Empresa no Google",
                  "Google Business Profile"),
               _t("Anuncios en televisión", "Anúncios na televisão", "TV ads"),
               _t("Vallas publicitarias", "Outdoors", "Billboards")], 0))),
    DemoCourse("curso-financiacion-emprendedores", "ES", CourseInput(
        delivery_mode=SELF_PACED, languages=["ES"], level="INTERMEDIATE",
        duration_minutes=240, topics=["funding", "grants"]), _curriculum(
        _t("financiar tu proyecto", "financiar o seu projeto", "funding your project"),
        _t("Ayudas públicas", "Apoios públicos", "Public grants"),
        _t("Microcréditos", "Microcrédito", "Microloans"),
        _quiz(_t("¿Qué necesitas antes de pedir una ayuda?",
                 "De que precisa antes de pedir um apoio?",
                 "What do you need before applying for a grant?"),
              [_t("Un plan de empresa", "Um plano de negócios", "A business plan"),
               _t("Una tienda", "Uma loja", "A shop"),
               _t("Un gestor", "Um contabilista", "An accountant")], 0))),
    DemoCourse("curso-primeros-pasos-autonomo", "ES", CourseInput(
        delivery_mode=SELF_PACED, languages=["ES", "EN"], level="BEGINNER",
        duration_minutes=90, topics=["legal", "self-employment"]), _curriculum(
        _t("empezar como autónomo", "começar como independente", "starting self-employed"),
        _t("Alta en Hacienda", "Registo nas Finanças", "Registering with the tax office"),
        _t("Seguridad Social", "Segurança Social", "Social security"),
        _quiz(_t("¿Con qué modelo te das de alta en Hacienda?",
                 "Que modelo o regista nas Finanças espanholas?",
                 "Which form registers you with the Spanish tax office?"),
              [_t(form, form, form) for form in ("Modelo 036/037", "Modelo 303",
                                                 "Modelo 100")], 0))),
    DemoCourse("curso-contabilidade-basica", "PT", CourseInput(
        delivery_mode=SELF_PACED, languages=["PT"], level="BEGINNER",
        duration_minutes=180, topics=["accounting", "tax"]), _curriculum(
        _t("llevar tus cuentas", "organizar as suas contas", "keeping your books"),
        _t("Facturas", "Faturas", "Invoices"),
        _t("IVA trimestral", "IVA trimestral", "Quarterly VAT"),
        _quiz(_t("¿Cuánto tiempo hay que guardar las facturas en Portugal?",
                 "Durante quanto tempo se guardam as faturas em Portugal?",
                 "How long must invoices be kept in Portugal?"),
              [_t("1 año", "1 ano", "1 year"), _t("10 años", "10 anos", "10 years"),
               _t("6 meses", "6 meses", "6 months")], 1))),
    DemoCourse("curso-guia-turistico", "PT", CourseInput(
        delivery_mode=SELF_PACED, languages=["PT", "EN"], level="INTERMEDIATE",
        duration_minutes=300, topics=["tourism", "guiding"]), _curriculum(
        _t("guiar grupos", "guiar grupos", "guiding groups"),
        _t("Diseñar una ruta", "Desenhar um roteiro", "Designing a route"),
        _t("Seguridad del grupo", "Segurança do grupo", "Group safety"),
        _quiz(_t("¿Qué compruebas primero antes de una ruta a pie?",
                 "O que verifica primeiro antes de um passeio a pé?",
                 "What do you check first before a walking tour?"),
              [_t("El tiempo", "O tempo", "The weather"),
               _t("Los recuerdos", "As lembranças", "The souvenirs"),
               _t("El menú", "A ementa", "The menu")], 0))),
    DemoCourse("curso-turismo-sustentavel", "PT", CourseInput(
        delivery_mode=LIVE, languages=["PT", "ES"], level="INTERMEDIATE",
        duration_minutes=720, topics=["tourism", "sustainability"]), _curriculum(
        _t("turismo que cuida el territorio", "turismo que cuida do território",
           "tourism that looks after the place"),
        _t("Impacto local", "Impacto local", "Local impact"),
        _t("Certificaciones", "Certificações", "Certifications"),
        _quiz(_t("¿Cuál es una práctica de turismo sostenible?",
                 "Qual é uma prática de turismo sustentável?",
                 "Which is a sustainable tourism practice?"),
              [_t("Comprar a productores locales", "Comprar a produtores locais",
                  "Buying from local producers"),
               _t("Plásticos de un solo uso", "Plásticos descartáveis", "Single-use plastics"),
               _t("Abrir solo en temporada alta", "Abrir só na época alta",
                  "Peak-only openings")], 0))),
)
