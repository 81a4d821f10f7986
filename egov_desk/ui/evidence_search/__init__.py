"""The window's side of the evidence text: the OCR worker process run in the background with its progress in the
status bar, and the 材料内容 search scope with its hits opened in the preview at their page."""
