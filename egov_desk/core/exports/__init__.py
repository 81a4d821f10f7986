"""Writers of what leaves the workspace: the evidence package, score sheets, reports, checklists."""
