"""The public verification page (``/verify``): paste a credential, or open the link of a
certificate's QR code (``?credential=<id>``); the issuer's answer is VALID, REVOKED,
TAMPERED, EXPIRED, UNKNOWN, SIGNATURE_INVALID or MALFORMED, shown with the claims."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from engine.plugins.api import Visit
from plugins.storefront.forms import N_, text
from plugins.storefront.layout import render

MAX_CREDENTIAL = 20_000
VERDICTS = {
    "VALID": N_("Valid: this certificate was issued here and is in force."),
    "REVOKED": N_("Revoked: the issuer withdrew this certificate."),
    "TAMPERED": N_("Tampered: this credential was changed after it was issued. Do not "
                   "trust what it says."),
    "EXPIRED": N_("Expired: this certificate is no longer in force."),
    "UNKNOWN": N_("Unknown: the issuer has no record of this credential."),
    "SIGNATURE_INVALID": N_("Not ours: this credential was signed by someone else."),
    "MALFORMED": N_("This is not a credential. Paste the whole text or open the link of "
                    "the certificate's QR code."),
}


def _tampered_claims(result: dict[str, Any]) -> dict[str, Any]:
    """What a tampered credential claims (untrusted), to show next to the verdict."""
    claims = result.get("unverifiedClaims") or {}
    subject = (claims.get("vc") or {}).get("credentialSubject") or {}
    return {"course": (subject.get("achievement") or {}).get("name"),
            "issuer": claims.get("iss")}


async def verify(visit: Visit) -> Response:
    credential = (text(visit, "credential") if visit.request.method == "POST"
                  else (visit.request.query_params.get("credential") or "").strip())
    result: dict[str, Any] | None = None
    if credential:
        answer = await visit.graphql("CertificateVerify",
                                     credential=credential[:MAX_CREDENTIAL])
        result = answer.data.get("certificateVerify")
    verdict = visit.gettext(VERDICTS.get(result["reason"], VERDICTS["MALFORMED"])) \
        if result else None
    return render(visit, "learning/verify.html", credential=credential, result=result,
                  verdict=verdict, claimed=_tampered_claims(result) if result else {})
