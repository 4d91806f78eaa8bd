"""Geography: the offline gazetteer and distances."""
