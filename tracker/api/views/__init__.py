"""API views: one viewset per resource, plus the exports and the token login."""
