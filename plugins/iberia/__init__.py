"""Spain-Portugal VAT, tax ids, invoices and locale, entirely through hooks."""
