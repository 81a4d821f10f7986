"""Qt item models over the Workspace."""
