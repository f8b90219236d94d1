"""Demo data (``ruta_demo_seed``): course facts and a small translated curriculum for the six
COURSE products of the core demo marketplace."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.plugins.api import Runtime
from plugins.elearning.authoring import (
    CourseInput,
    LessonInput,
    save_course,
    save_lesson,
    set_translation,
)
from plugins.elearning.core_reads import product_facts
from plugins.elearning.models import CourseModule, Lesson

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex

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


def _quiz(question: str, options: list[str], correct: int) -> dict[str, Any]:
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
        _quiz("Which channel suits a local shop best first?",
              ["Google Business Profile", "TV ads", "Billboards"], 0))),
    DemoCourse("curso-financiacion-emprendedores", "ES", CourseInput(
        delivery_mode=SELF_PACED, languages=["ES"], level="INTERMEDIATE",
        duration_minutes=240, topics=["funding", "grants"]), _curriculum(
        _t("financiar tu proyecto", "financiar o seu projeto", "funding your project"),
        _t("Ayudas públicas", "Apoios públicos", "Public grants"),
        _t("Microcréditos", "Microcrédito", "Microloans"),
        _quiz("What do you need before applying for a grant?",
              ["A business plan", "A shop", "An accountant"], 0))),
    DemoCourse("curso-primeros-pasos-autonomo", "ES", CourseInput(
        delivery_mode=SELF_PACED, languages=["ES", "EN"], level="BEGINNER",
        duration_minutes=90, topics=["legal", "self-employment"]), _curriculum(
        _t("empezar como autónomo", "começar como independente", "starting self-employed"),
        _t("Alta en Hacienda", "Registo nas Finanças", "Registering with the tax office"),
        _t("Seguridad Social", "Segurança Social", "Social security"),
        _quiz("Which form registers you with the Spanish tax office?",
              ["Modelo 036/037", "Modelo 303", "Modelo 100"], 0))),
    DemoCourse("curso-contabilidade-basica", "PT", CourseInput(
        delivery_mode=SELF_PACED, languages=["PT"], level="BEGINNER",
        duration_minutes=180, topics=["accounting", "tax"]), _curriculum(
        _t("llevar tus cuentas", "organizar as suas contas", "keeping your books"),
        _t("Facturas", "Faturas", "Invoices"),
        _t("IVA trimestral", "IVA trimestral", "Quarterly VAT"),
        _quiz("How long must invoices be kept in Portugal?",
              ["1 year", "10 years", "6 months"], 1))),
    DemoCourse("curso-guia-turistico", "PT", CourseInput(
        delivery_mode=SELF_PACED, languages=["PT", "EN"], level="INTERMEDIATE",
        duration_minutes=300, topics=["tourism", "guiding"]), _curriculum(
        _t("guiar grupos", "guiar grupos", "guiding groups"),
        _t("Diseñar una ruta", "Desenhar um roteiro", "Designing a route"),
        _t("Seguridad del grupo", "Segurança do grupo", "Group safety"),
        _quiz("What do you check first before a walking tour?",
              ["The weather", "The souvenirs", "The menu"], 0))),
    DemoCourse("curso-turismo-sustentavel", "PT", CourseInput(
        delivery_mode=LIVE, languages=["PT", "ES"], level="INTERMEDIATE",
        duration_minutes=720, topics=["tourism", "sustainability"]), _curriculum(
        _t("turismo que cuida el territorio", "turismo que cuida do território",
           "tourism that looks after the place"),
        _t("Impacto local", "Impacto local", "Local impact"),
        _t("Certificaciones", "Certificações", "Certifications"),
        _quiz("Which is a sustainable tourism practice?",
              ["Buying from local producers", "Single-use plastics", "Peak-only openings"],
              0))),
)


async def seed_courses(runtime: Runtime, demo: DemoIndex) -> int:
    """Give each demo COURSE product its course facts and curriculum; returns how many."""
    done = 0
    async with runtime.transaction() as session:
        for spec in COURSES:
            product_id = demo.products.get(spec.slug)
            product = await product_facts(session, product_id) if product_id else None
            if product is None:
                continue
            course = await save_course(session, product, spec.facts)
            base = spec.language
            for m_pos, mod in enumerate(spec.modules):
                module = CourseModule(course_id=course.id, title=mod.title[base],
                                      position=m_pos)
                session.add(module)
                await session.flush()
                for code, title in mod.title.items():
                    await set_translation(session, "MODULE", module.id, code, title, None)
                for l_pos, item in enumerate(mod.lessons):
                    lesson = Lesson(module_id=module.id, course_id=course.id, body="",
                                    is_preview=False, drip_days=0, pass_score=70,
                                    max_attempts=3, position=0)
                    await save_lesson(session, lesson, LessonInput(
                        title=item.title[base], body=item.body[base], is_preview=item.preview,
                        quiz=item.quiz, pass_score=item.pass_score, position=l_pos),
                        creating=True)
                    for code, title in item.title.items():
                        await set_translation(session, "LESSON", lesson.id, code, title,
                                              item.body[code])
            done += 1
    return done
