"""Demo data (``ruta_demo_seed``): course facts and a small translated curriculum for the six
COURSE products of the core demo marketplace."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.plugins.api import Runtime
from plugins.elearning.authoring import LessonInput, save_course, save_lesson, set_translation
from plugins.elearning.core_reads import product_facts
from plugins.elearning.demo_courses import COURSES
from plugins.elearning.models import CourseModule, Lesson

if TYPE_CHECKING:
    from engine.demo.index import DemoIndex


def _quiz_in(quiz: dict[str, Any] | None, code: str) -> dict[str, Any] | None:
    """``quiz`` with its texts in language ``code``."""
    if quiz is None:
        return None
    return {"questions": [{"text": q["text"][code], "correct": q["correct"],
                           "options": [option[code] for option in q["options"]]}
                          for q in quiz["questions"]]}


def _quiz_texts(quiz: dict[str, Any] | None, code: str) -> list[tuple[str, list[str]]] | None:
    found = _quiz_in(quiz, code)
    return [(q["text"], q["options"]) for q in found["questions"]] if found else None


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
                        quiz=_quiz_in(item.quiz, base), pass_score=item.pass_score,
                        position=l_pos), creating=True)
                    for code, title in item.title.items():
                        await set_translation(session, "LESSON", lesson.id, code, title,
                                              item.body[code], _quiz_texts(item.quiz, code))
            done += 1
    return done
