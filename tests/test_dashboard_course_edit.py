"""Dashboard course authoring, in process: a course's vendor edits a lesson (title, text,
video, quiz) and a module, deletes each after a confirmation page; bad input is shown next
to its field and writes nothing; another vendor gets 404 and changes nothing."""

from __future__ import annotations

import re
from typing import Any

from starlette.applications import Starlette

from engine.testing.client import PASSWORD, Client
from tests.web_browser import Browser

OUTLINE = """query($id: ID!) { product(id: $id) { course { modules { id title lessons {
  id title body videoUrl isPreview quiz { passScore questions { text options { text
  isCorrect } } } } } } } }"""
QUIZ = "? ¿Qué aceite es virgen extra?\n* El de primera presión\n- El refinado"


async def authored(client: Client, token: str) -> tuple[str, str, str]:
    """A COURSE product with one module and one lesson with a quiz: their ids."""
    product_id, _ = await client.product(token, "Cata de aceite", kind="COURSE", price="0.00")
    course = await client.gql("""mutation($p: ID!) { courseSave(productId: $p, input: {
      deliveryMode: SELF_PACED_RECORDED }) { course { id } errors { code } } }""",
                              {"p": product_id}, token)
    module = await client.gql("""mutation($c: ID!) { courseModuleCreate(courseId: $c,
      input: { title: "Primeros pasos" }) { module { id } errors { code } } }""",
                              {"c": course["courseSave"]["course"]["id"]}, token)
    module_id = module["courseModuleCreate"]["module"]["id"]
    lesson = await client.gql("""mutation($m: ID!) { lessonCreate(moduleId: $m, input: {
      title: "Aromas", body: "Huele el aceite.", passScore: 60, quiz: { questions: [{
      text: "¿Qué aceite es virgen extra?", options: ["El de primera presión", "El refinado"],
      correct: [0] }] } }) { lesson { id } errors { field code } } }""", {"m": module_id}, token)
    return product_id, module_id, lesson["lessonCreate"]["lesson"]["id"]


async def modules(client: Client, token: str, product_id: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await client.gql(OUTLINE, {"id": product_id}, token)
                                   )["product"]["course"]["modules"]
    return found


async def test_a_vendor_edits_a_lesson_and_a_module_of_a_course(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("teacher@example.com", "Escuela")
    product_id, module_id, lesson_id = await authored(client, token)
    base = f"/dashboard/products/{product_id}/course"
    before = await modules(client, token, product_id)
    async with Browser(app) as browser:
        await browser.login("teacher@example.com", PASSWORD)
        course = (await browser.get(base)).text
        assert f"{base}/lessons/{lesson_id}/edit" in course
        assert f"{base}/modules/{module_id}/edit" in course
        page = await browser.get(f"{base}/lessons/{lesson_id}/edit")
        assert page.status_code == 200 and QUIZ in page.text and "Huele el aceite." in page.text
        edit = f"{base}/lessons/{lesson_id}/edit"
        for bad, field in (({"title": ""}, "title"), ({"videoUrl": "http://x"}, "videoUrl"),
                           ({"quiz": "? Sin opciones"}, "quiz")):
            refused = await browser.post(edit, {"title": "Aromas", "body": "Otro texto",
                                                "quiz": QUIZ, **bad})
            assert refused.status_code == 400, refused.text[:300]
            assert f'id="{field}-error"' in refused.text
        assert await modules(client, token, product_id) == before
        quiz = QUIZ + "\n? ¿Se guarda a la luz?\n- Sí\n* No"
        saved = await browser.post(edit, {"title": "Aromas y sabores", "body": "Prueba.",
                                          "videoUrl": "https://video.example/aromas",
                                          "isPreview": "on", "quiz": quiz})
        assert saved.status_code == 303, saved.text[:500]
        lesson = (await modules(client, token, product_id))[0]["lessons"][0]
        assert (lesson["title"], lesson["body"], lesson["videoUrl"], lesson["isPreview"]) == (
            "Aromas y sabores", "Prueba.", "https://video.example/aromas", True)
        assert [q["text"] for q in lesson["quiz"]["questions"]] == [
            "¿Qué aceite es virgen extra?", "¿Se guarda a la luz?"]
        assert [o["isCorrect"] for o in lesson["quiz"]["questions"][1]["options"]] == [
            False, True]
        no_quiz = await browser.post(edit, {"title": "Aromas y sabores", "body": "Prueba.",
                                            "videoUrl": "https://video.example/aromas",
                                            "quiz": ""})
        assert no_quiz.status_code == 303
        lesson = (await modules(client, token, product_id))[0]["lessons"][0]
        assert lesson["quiz"] is None and lesson["isPreview"] is False
        renamed = await browser.post(f"{base}/modules/{module_id}/edit", {"title": "Inicio"})
        assert renamed.status_code == 303
    assert (await modules(client, token, product_id))[0]["title"] == "Inicio"


async def test_deleting_asks_first_and_another_vendor_cannot_edit_or_delete(
        app: Starlette, client: Client) -> None:
    token, _ = await client.vendor("teacher@example.com", "Escuela")
    await client.vendor("pt@example.com", "Loja PT", country="PT", postal_code="8000-138")
    product_id, module_id, lesson_id = await authored(client, token)
    base = f"/dashboard/products/{product_id}/course"
    before = await modules(client, token, product_id)
    async with Browser(app) as intruder:
        await intruder.login("pt@example.com", PASSWORD)
        for path in (f"{base}/lessons/{lesson_id}/edit", f"{base}/modules/{module_id}/delete"):
            assert (await intruder.get(path)).status_code == 404
        token_page = "/dashboard/promotions"  # any form of the intruder's own
        refused = await intruder.post(f"{base}/modules/{module_id}/delete", {},
                                      form_page=token_page)
        assert refused.status_code == 404
        refused = await intruder.post(f"{base}/lessons/{lesson_id}/edit", {"title": "Mío"},
                                      form_page=token_page)
        assert refused.status_code == 404
    assert await modules(client, token, product_id) == before
    async with Browser(app) as browser:
        await browser.login("teacher@example.com", PASSWORD)
        ask = await browser.get(f"{base}/lessons/{lesson_id}/delete")
        assert ask.status_code == 200 and "cannot be undone" in ask.text
        assert await modules(client, token, product_id) == before  # asking deletes nothing
        action = re.search(r'<form method="post" action="([^"]+/delete)"', ask.text)
        assert action is not None
        done = await browser.post(action.group(1), {}, form_page=ask.url.path)
        assert done.status_code == 303
        assert (await modules(client, token, product_id))[0]["lessons"] == []
        assert "Lesson deleted." in (await browser.get(base)).text
        ask = await browser.get(f"{base}/modules/{module_id}/delete")
        assert "its 0 lessons" in ask.text
        done = await browser.post(f"{base}/modules/{module_id}/delete", {},
                                  form_page=f"{base}/modules/{module_id}/delete")
        assert done.status_code == 303
    assert await modules(client, token, product_id) == []


async def test_the_api_refuses_another_vendors_module_and_lesson_changes(
        app: Starlette, client: Client) -> None:
    """The dashboard's 404 is not the only guard: the mutations it uses check the course's
    vendor themselves."""
    token, _ = await client.vendor("teacher@example.com", "Escuela")
    other, _ = await client.vendor("pt@example.com", "Loja PT", country="PT",
                                   postal_code="8000-138")
    product_id, module_id, lesson_id = await authored(client, token)
    before = await modules(client, token, product_id)
    for mutation, name in (
            ('courseModuleUpdate(id: $id, input: { title: "Mío" })', "courseModuleUpdate"),
            ("courseModuleDelete(id: $id)", "courseModuleDelete"),
            ('lessonUpdate(id: $id, input: { title: "Mío" })', "lessonUpdate"),
            ("lessonDelete(id: $id)", "lessonDelete")):
        target = module_id if name.startswith("courseModule") else lesson_id
        body = await client.raw(f"mutation($id: ID!) {{ {mutation} {{ errors {{ code }} }} }}",
                                {"id": target}, other)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["PERMISSION_DENIED"], body
    assert await modules(client, token, product_id) == before
