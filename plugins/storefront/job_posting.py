"""schema.org ``JobPosting`` JSON-LD for an offer page (Google's required and recommended
properties: title, description, datePosted, validThrough, employmentType,
hiringOrganization, jobLocation or jobLocationType TELECOMMUTE, baseSalary only when the
offer shows its pay range, directApply)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from engine.plugins.api import Visit
from plugins.storefront.job_labels import pick
from plugins.storefront.layout import absolute

EMPLOYMENT = {"PERMANENT": "FULL_TIME", "FIXED_TERM": "TEMPORARY", "SEASONAL": "TEMPORARY",
              "INTERNSHIP": "INTERN", "FREELANCE": "CONTRACTOR"}


def _amount(value: Any) -> str:
    """A JSON number for a money amount, written from its decimal text (never a float)."""
    amount = Decimal(str(value))
    return str(amount.quantize(Decimal(1))) if amount == amount.to_integral_value() \
        else str(amount)


def json_ld(visit: Visit, view: dict[str, Any]) -> Markup:
    offer, employer = view["offer"], view.get("employer") or {}
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "JobPosting",
        "title": pick(visit, offer["titles"]) or offer["title"],
        "description": pick(visit, offer["descriptions"]) or offer["description"],
        "identifier": {"@type": "PropertyValue", "name": employer.get("name", ""),
                       "value": offer["id"]},
        "validThrough": offer["closesOn"], "employmentType": EMPLOYMENT.get(
            offer["contractType"], "OTHER"),
        "url": absolute(visit, f"/jobs/{offer['id']}"), "directApply": True,
        "skills": [view["skills"].get(code, code) for code in offer["skills"]],
    }
    if offer.get("publishedAt"):
        data["datePosted"] = str(offer["publishedAt"])[:10]
    if employer.get("name"):
        data["hiringOrganization"] = {"@type": "Organization", "name": employer["name"],
                                      "sameAs": absolute(visit, f"/vendors/{employer['slug']}")}
    if offer.get("startsOn"):
        data["jobStartDate"] = offer["startsOn"]
    if offer["remote"]:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country",
                                                 "name": offer["country"]}
    else:
        data["jobLocation"] = {"@type": "Place", "address": {
            "@type": "PostalAddress", "postalCode": offer["postalCode"],
            "addressCountry": offer["country"]}}
    text = json.dumps(data, ensure_ascii=False)
    if offer.get("salary"):
        salary = offer["salary"]
        value = (f'{{"@type": "QuantitativeValue", "minValue": {_amount(salary["min"])}, '
                 f'"maxValue": {_amount(salary["max"])}, "unitText": "YEAR"}}')
        text = (text[:-1] + ', "baseSalary": {"@type": "MonetaryAmount", "currency": '
                + json.dumps(str(salary["currency"])) + f', "value": {value}}}}}')
    # "<" escaped: the text cannot close the script element it is written in
    return Markup(text.replace("<", "\\u003c"))
