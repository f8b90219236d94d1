"""The plugin's settings, read from the environment (each read is cheap: a dict lookup).

==================================  ========================================================
``RUTA_IBERIA_DEEMED_SUPPLIER``     ``1``: the platform is the deemed supplier of
                                    electronically supplied services sold through it
                                    (Council Implementing Regulation (EU) 282/2011, art. 9a,
                                    the presumption under VAT Directive art. 28; directly
                                    applicable in ES and PT). Default ``0``: each vendor
                                    supplies in its own name.
``RUTA_IBERIA_PLATFORM_COUNTRY``    where the platform is established (default ``ES``)
``RUTA_IBERIA_PLATFORM_POSTAL``     its postal code (default ``28001``, Madrid)
``RUTA_IBERIA_PLATFORM_NAME``       its legal name, printed on the invoices it issues as
                                    deemed supplier (default ``Ruta Marketplace``)
``RUTA_IBERIA_PLATFORM_TAX_ID``     its tax id on those invoices (default empty)
``RUTA_IBERIA_VIES``                ``live`` asks the Commission's VIES service; ``off``
                                    checks format and checksum only (the number stays
                                    unconfirmed). Default: ``live`` when ``RUTA_MODE`` is
                                    ``production``, else ``off``.
``RUTA_IBERIA_VIES_TIMEOUT``        seconds to wait for VIES (default 5)
==================================  ========================================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class IberiaConfig:
    deemed_supplier: bool = False
    platform_country: str = "ES"
    platform_postal_code: str = "28001"
    vies: str = "off"
    platform_name: str = "Ruta Marketplace"
    platform_tax_id: str = ""
    vies_timeout: float = 5.0


def current() -> IberiaConfig:
    env = os.environ
    production = env.get("RUTA_MODE") == "production"
    return IberiaConfig(
        deemed_supplier=env.get("RUTA_IBERIA_DEEMED_SUPPLIER", "0").strip() in ("1", "true"),
        platform_country=env.get("RUTA_IBERIA_PLATFORM_COUNTRY", "ES").strip().upper(),
        platform_postal_code=env.get("RUTA_IBERIA_PLATFORM_POSTAL", "28001").strip(),
        platform_name=env.get("RUTA_IBERIA_PLATFORM_NAME", "Ruta Marketplace").strip(),
        platform_tax_id=env.get("RUTA_IBERIA_PLATFORM_TAX_ID", "").strip(),
        vies=env.get("RUTA_IBERIA_VIES", "live" if production else "off").strip().lower(),
        vies_timeout=float(env.get("RUTA_IBERIA_VIES_TIMEOUT", "5")),
    )
