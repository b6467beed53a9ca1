"""Intent rules: what a mention does (complaint, question, purchase intent…), per language."""
