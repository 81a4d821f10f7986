"""Words of Qt's own dialogs that Qt's zh_CN file lacks or puts badly.

Qt's file dialog calls a file's size 体积 (volume); office users read 大小. Its Chinese file has "Look in:" but
not the "&Look in:" the dialog shows, nor the file-type names of the 类型 column ("Folder", "PDF File"). Our
translator is installed after Qt's, so these entries in egov_desk_zh_CN.ts take precedence. Only lupdate reads
this module.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

OVERRIDES = (
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileDialog", "Size"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "%1 File"),
)
