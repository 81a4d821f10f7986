"""扫描…: the scan dialog (device, source, colour, resolution, pages; a strip of the pages to turn, reorder or
drop; saved to the item's evidence as one PDF, one undo step) and how it is reached from the window."""
