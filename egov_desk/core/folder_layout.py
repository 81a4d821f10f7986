"""What a workspace folder holds, by name (no imports: the quick paths — backups, status — read it too)."""

DATABASE_NAME = "workspace.sqlite"  # indicators, scores, notes, evidence rows, the audit trail
BACKUPS = "backups"  # copies of the database (core/backups/)
VAULT = "vault"  # the evidence files by SHA-256 (core/evidence/vault.py)
