"""The one way text is made comparable, for what is stored and what is searched alike.

PDFs made with CJK fonts often map glyphs to the Kangxi radicals (⼯ U+2F2F for 工) or the CJK radicals supplement
(⻚ U+2EDA for 页) instead of the ideographs they look like: NFKC folds the first (and full-width letters and
digits), a table the second. Spaces a
PDF puts between Chinese characters and digits ("2021 年") are dropped, so "2021年" finds them."""

from __future__ import annotations

import re
import unicodedata

_PAIRS = (  # radical, ideograph
    "⺁厂⺇几⺌小⺍小⺟母⺠民⺢氵⺩王⺬示⺮竹⺳罒⺶羊⺷羊⺼月⻀艹⻁虎⻂衤⻄西⻅见⻆角"
    "⻇角⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑镸⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞"
    "⻝食⻞食⻟食⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟"
)
_FOLDED = [*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00), *range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B)]
_FOLDED += range(0xFF41, 0xFF5B)  # full-width letters and digits; full-width punctuation (，：) stays as written
_FOLD: dict[int, str | int | None] = {code: unicodedata.normalize("NFKC", chr(code)) for code in _FOLDED}
_FOLD.update(str.maketrans(_PAIRS[::2], _PAIRS[1::2]))
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
_SPACES = re.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean(text: str) -> str:
    folded = text.replace("\x00", "").translate(_FOLD)
    lines = (_SPACES.sub("", line).strip() for line in folded.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def query_terms(query: str) -> list[str]:
    """The words of a query, each cleaned as stored text is: every one must appear on a page."""
    return [term for term in (clean(word) for word in query.split()) if term]
