"""Orders: one order per completed checkout, one vendor order per vendor in it."""
