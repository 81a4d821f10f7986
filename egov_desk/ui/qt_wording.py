"""Words of Qt's own dialogs that our translation puts better than Qt's zh_CN file does.

Qt's file dialog calls a file's size 体积 (volume); office users read 大小. Our translator is installed after
Qt's, so these entries in egov_desk_zh_CN.ts take precedence. Only lupdate reads this module.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

OVERRIDES = (
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileDialog", "Size"),
)
