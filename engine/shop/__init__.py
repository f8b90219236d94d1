"""The marketplace as a whole: the ``shop`` query (name, countries, languages, links)."""
