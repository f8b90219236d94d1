"""Notifications: lifecycle events become messages, rendered once per recipient in the
recipient's language, stored (the in-app inbox) and delivered by e-mail (SMTP, or the
built-in mailbox in development and demo mode)."""
