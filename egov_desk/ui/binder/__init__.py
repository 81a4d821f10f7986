"""装订成册 in the window: the actions (item, department, unit) and the background run with progress and cancel."""
