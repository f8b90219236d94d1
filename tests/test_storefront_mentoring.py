"""The storefront's mentoring and funding pages in process, on the demo marketplace: asking
an expert for mentoring and seeing the request's status, the goals of a mentorship (only
its pair sees or changes them) and funding requests (typed errors in Spanish that save
nothing, then a request with its status history)."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from starlette.applications import Starlette

from engine.runtime import Runtime
from tests.test_storefront_advice_paid import form_fields
from tests.test_storefront_learning import sign_in
from tests.web_browser import Browser

MENTOR = "João Martins"  # the demo's mentor in Faro
#: Demo accounts: a founder whose account speaks Spanish (the API's messages follow the
#: account's language), and someone else.
FOUNDER, OTHER = "vendor.es@ruta.example", "customer@ruta.example"


async def expert_page(browser: Browser, name: str) -> str:
    found = await browser.get("/advice?search=1&kind=MENTOR&lang=en")
    for path, shown in re.findall(r'href="(/advice/expert\?id=[^"]+)" translate="no">([^<]+)<',
                                  found.text):
        if html.unescape(shown) == name:
            return html.unescape(path)
    raise AssertionError(f"{name} is not listed")


async def test_a_founder_asks_for_mentoring_and_keeps_goals_only_the_pair_sees(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        await sign_in(browser, FOUNDER)
        expert = await expert_page(browser, MENTOR)
        asked = await browser.post("/advice/mentorship", {
            **form_fields((await browser.get(expert)).text, "/advice/mentorship"),
            "message": "Quiero abrir un alojamiento rural.", "share": "1"}, form_page=expert)
        assert asked.status_code == 303 and asked.headers["location"] == "/advice/mentorships"
        mine = await browser.get("/advice/mentorships?lang=en")
        assert "Your request is sent to the mentor." in mine.text
        assert MENTOR in html.unescape(mine.text)
        assert "Waiting for the mentor&#39;s answer" in mine.text
        again = await browser.post("/advice/mentorship", {
            **form_fields((await browser.get(expert)).text, "/advice/mentorship"),
            "message": ""}, form_page=expert + "&lang=es")
        assert again.status_code == 400 and "Ya se lo has pedido a este experto." in again.text
        goals = html.unescape(re.search(r'href="(/advice/goals\?mentorship=[^"]+)"',
                                        mine.text)[1])
        # The link percent-encodes the ID (a base64 ID ends in "=" for most numbers).
        mentorship = parse_qs(urlsplit(goals).query)["mentorship"][0]
        short = await browser.post("/advice/goals/add", {
            "mentorship": mentorship, "milestone": "PLAN", "title": "x"},
            form_page=goals + "&lang=es")
        assert short.status_code == 400 and "Usa al menos 2 caracteres." in short.text
        assert "Aún no hay objetivos." in short.text  # nothing saved
        added = await browser.post("/advice/goals/add", {
            "mentorship": mentorship, "milestone": "PLAN", "title": "Plan de negocio listo"},
            form_page=goals)
        assert added.status_code == 303
        page = await browser.get(goals + "&lang=en")
        assert "Tu objetivo se ha añadido." in page.text and "Plan de negocio listo" in page.text
        goal = form_fields(page.text, "/advice/goals/done")["goal"]
    async with Browser(app) as stranger:  # not the pair: cannot see, add or mark done
        await sign_in(stranger, OTHER)
        assert (await stranger.get(goals)).status_code == 404
        token = await stranger.token("/advice/funding")
        done = await stranger.post("/advice/goals/done",
                                   {"mentorship": mentorship, "goal": goal}, token=token)
        assert done.status_code == 404
        token = await stranger.token("/advice/funding")
        sneaked = await stranger.post("/advice/goals/add", {
            "mentorship": mentorship, "milestone": "IDEA", "title": "Intruso"}, token=token)
        assert sneaked.status_code == 404
        assert MENTOR not in html.unescape((await stranger.get("/advice/mentorships")).text)
    async with Browser(app) as owner:
        await sign_in(owner, FOUNDER)
        page = await owner.get(goals + "&lang=en")
        assert "Intruso" not in page.text and "Mark as achieved" in page.text
        done = await owner.post("/advice/goals/done", {"mentorship": mentorship, "goal": goal},
                                form_page=goals)
        assert done.status_code == 303
        after = await owner.get(goals + "&lang=en")
        assert "Achieved on" in after.text and "Mark as achieved" not in after.text


async def test_funding_requests_refuse_bad_input_in_spanish_and_keep_their_history(
        app: Starlette, demo: Runtime) -> None:
    async with Browser(app) as browser:
        await sign_in(browser, FOUNDER)
        before = await browser.get("/advice/funding?lang=es")
        assert "Aún no hay solicitudes de financiación." in before.text
        assert "Monchique" not in before.text  # the demo's request is another founder's
        unreadable = await browser.post("/advice/funding", {
            "project": "Quesería", "amountSought": "mucho", "stage": "IDEA", "documents": ""})
        assert unreadable.status_code == 400
        assert "Escribe un importe en euros, como 2500.00." in unreadable.text
        refused = await browser.post("/advice/funding", {
            "project": "Qu", "amountSought": "-5", "stage": "IDEA", "documents": ""})
        assert refused.status_code == 400
        assert "Usa al menos 3 caracteres." in refused.text
        assert "Un importe positivo en EUR con céntimos." in refused.text \
            or "Este valor no es válido." in refused.text
        assert "Aún no hay solicitudes de financiación." in refused.text  # nothing saved
        sent = await browser.post("/advice/funding", {
            "project": "Quesería artesanal en Aracena", "amountSought": "12000,50",
            "stage": "PLAN", "documents": "plan.pdf\n\npresupuesto.xlsx"})
        assert sent.status_code == 303
        after = await browser.get("/advice/funding")
        assert after.text.count('<li class="card">') == 1
        assert "Tu solicitud de financiación se ha enviado" in after.text
        assert "Quesería artesanal en Aracena" in after.text and "12.000,50" in after.text
        assert "Esperando a un asesor" in after.text
    async with Browser(app) as other:  # the demo founder sees theirs, with its history
        await sign_in(other, OTHER)
        theirs = await other.get("/advice/funding?lang=es")
        assert "Aracena" not in theirs.text and "Monchique" in theirs.text
        assert "Esperando a un asesor" in theirs.text and "Un asesor lo está revisando" \
            in theirs.text
        # their account speaks English; the page they read is Spanish: so are the API's
        # messages on it
        short = await other.post("/advice/funding", {
            "project": "Qu", "amountSought": "100", "stage": "IDEA", "documents": ""})
        assert short.status_code == 400 and "Usa al menos 3 caracteres." in short.text
        english = await other.post("/advice/funding", {
            "project": "Qu", "amountSought": "100", "stage": "IDEA", "documents": ""},
            form_page="/advice/funding?lang=en")
        assert "Use at least 3 characters." in english.text
