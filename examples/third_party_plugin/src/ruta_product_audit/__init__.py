"""ruta-product-audit: an example third-party Ruta plugin.

It keeps an audit trail of product changes: lifecycle hooks write rows to the plugin's own
table (``product_audit_entry``, created by the plugin's own Alembic branch), the core
``Product`` type gains ``auditTrail`` and the root ``Query`` gains ``productAuditEntries``.

Ruta loads it through the ``ruta.plugins`` entry point ``product_audit``, which names the
module :mod:`ruta_product_audit.plugin`.
"""

__version__ = "0.2.0"
