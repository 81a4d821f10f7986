"""Storage: models, engine set-up, migrations."""
