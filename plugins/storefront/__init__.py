"""The reference storefront: browse, buy and (issue 14) learn and get advice, at ``/``."""
