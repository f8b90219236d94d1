"""The HTTP layer around the app: body limits, security headers, JSON decoding, faults."""
