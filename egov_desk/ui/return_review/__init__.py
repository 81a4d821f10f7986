"""The office's review of a department's return: 文件 → 导入科室回执… (flow.py), the review window (window.py) with
its table (model.py) and the conflict shown side by side (side_by_side.py)."""
