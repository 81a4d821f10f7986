"""The DTD pre-check, fuzzed: any prolog ends quickly, and is refused exactly when it declares a DTD.

Prologs are built from XML declarations, comments (short and longer than a read), processing instructions,
whitespace and BOMs (UTF-8, UTF-16 LE/BE), with a DOCTYPE or ENTITY at random places — and at every offset
around the read boundaries. Decoys ("<!DOCTYPE" inside comments and instructions, or after the root) must
not be refused. The seed is fixed: a failure names its case and repeats.
"""

from __future__ import annotations

import io
import random
import threading
import time
import tracemalloc
from collections.abc import Callable

import pytest

from egov_desk.core.importers.safety import CHUNK, prolog_problem

DTDS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>',
    '<!DOCTYPE w:document SYSTEM "http://example.invalid/x.dtd">',
    "<!ENTITY x SYSTEM 'file:///etc/passwd'>",
    "<!DOCTYPE r>",
)
DECOYS = ("<!DOCTYPE r>", "<!ENTITY e 'x'>", "<", "<!", "<!-", "-", "->", "?", "?>", ">", "--", "表格", "\u00ff")
JUNK = (b"<", b"!", b"-", b">", b"?", b"<?x?>", b"<!--", b"-->", b"\0", b"\xff\xfe", b"\xef\xbb\xbf", b" ", b"D")
ENCODINGS = ("utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be")


def _text(rng: random.Random, length: int, end: str) -> str:
    """Random text holding decoys, which never ends the comment ("--") or instruction ("?>") it fills."""
    parts: list[str] = []
    size = 0
    while size < length:
        if rng.random() < 0.3:
            piece = rng.choice(DECOYS)
        else:
            piece = "".join(rng.choices("abc xyz\n<>!?-", k=rng.randint(1, 40)))
        parts.append(piece)
        size += len(piece)
    text = "".join(parts)
    while end in text:
        text = text.replace(end, end[0] + "x")
    return text + "x" if text.endswith(end[0]) else text


def _comment(rng: random.Random, chunk: int) -> str:
    length = rng.choice((rng.randint(0, 30), rng.randint(chunk, 3 * chunk)))
    return "<!--" + _text(rng, length, "--") + "-->"


def _instruction(rng: random.Random, chunk: int) -> str:
    length = rng.choice((rng.randint(0, 30), rng.randint(chunk, 2 * chunk)))
    return "<?app " + _text(rng, length, "?>") + "?>"


def _whitespace(rng: random.Random) -> str:
    return "".join(rng.choices(" \t\r\n", k=rng.randint(0, 12)))


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8":
        return text.encode()
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode()
    codec = encoding.removesuffix("-bom")
    bom = "\ufeff" if encoding.endswith("-bom") else ""
    return (bom + text).encode(codec)


def _declaration(rng: random.Random, encoding: str) -> str:
    if rng.random() < 0.3:
        return ""
    name = "UTF-16" if encoding.startswith("utf-16") else rng.choice(("UTF-8", "utf-8", ""))
    attribute = f' encoding="{name}"' if name else ""
    return f'<?xml version="1.0"{attribute} standalone="yes"?>' + _whitespace(rng)


def _part(rng: random.Random, chunk: int, with_dtd: bool) -> tuple[str, str]:
    """A part (prolog, root, content with decoys) and its encoding; a DTD is put at a random place in the prolog."""
    encoding = rng.choice(ENCODINGS)
    items = [rng.choice((_comment, _instruction))(rng, chunk) for _ in range(rng.randint(0, 5))]
    items = [item for pair in zip(items, [_whitespace(rng) for _ in items], strict=True) for item in pair]
    if with_dtd:
        items.insert(rng.randint(0, len(items)), rng.choice(DTDS))
    if encoding == "utf-16-le" or encoding == "utf-16-be":  # no BOM: the part must open with "<" or whitespace
        prolog = _declaration(rng, encoding) or _whitespace(rng) + " "
    else:
        prolog = _declaration(rng, encoding)
    body = '<w:document xmlns:w="urn:x"><!-- <!DOCTYPE late> --><w:t>&lt;!DOCTYPE x&gt;</w:t></w:document>'
    return prolog + "".join(items) + body, encoding


def _run_all(cases: list[Callable[[], None]], seconds: float) -> None:
    """Run the cases in a thread, so a check that never ends fails the test instead of hanging it."""
    progress = {"done": 0}
    failure: list[BaseException] = []

    def work() -> None:
        try:
            for case in cases:
                case()
                progress["done"] += 1
        except BaseException as exc:  # handed to the test's thread below
            failure.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"the pre-check did not end within {seconds} s (case {progress['done']} never finished)")
    if failure:
        raise failure[0]


def _case(number: int, data: bytes, chunk: int, refuse: bool) -> Callable[[], None]:
    def check() -> None:
        started = time.perf_counter()
        problem = prolog_problem(io.BytesIO(data), chunk=chunk)
        elapsed = time.perf_counter() - started
        assert (problem is not None) == refuse, f"case {number} (chunk {chunk}): {problem!r} for {data[:200]!r}…"
        if refuse:
            assert problem == "declares a DTD", f"case {number}"
        assert elapsed < 1.0, f"case {number} took {elapsed:.2f} s"

    return check


def test_random_prologs_are_refused_exactly_when_they_declare_a_dtd() -> None:
    rng = random.Random(20240611)
    cases = []
    for number in range(400):
        chunk = rng.choice((1, 2, 3, 4, 5, 7, 16, 61, 256, 4096))
        with_dtd = rng.random() < 0.5
        text, encoding = _part(rng, chunk, with_dtd)
        cases.append(_case(number, _encode(text, encoding), chunk, with_dtd))
    _run_all(cases, seconds=20)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_dtd_at_every_offset_around_the_read_boundaries(encoding: str) -> None:
    """A long comment pushes the DOCTYPE (and the comment's "-->") across the first and second read boundaries."""
    cases = []
    for chunk in (128, CHUNK):
        declaration = '<?xml version="1.0" encoding="UTF-16"?>' if encoding.startswith("utf-16") else "<?xml?>"
        width = 2 if encoding.startswith("utf-16") else 1
        bom = len(_encode("", encoding))
        for boundary in (chunk, 2 * chunk):
            for shift in range(-6, 7):
                # the DOCTYPE starts `shift` bytes after the boundary (a UTF-16 character is two bytes)
                filler = (boundary + shift - bom) // width - len(declaration) - len("<!---->")
                for dtd in (True, False):
                    prolog = declaration + "<!--" + "c" * filler + "-->" + ("<!DOCTYPE r>" if dtd else "")
                    data = _encode(prolog + "<r/>", encoding)
                    cases.append(_case(len(cases), data, chunk, dtd))
                    pi = declaration + "<?pi " + "p" * filler + "?>" + ("<!DOCTYPE r>" if dtd else "")
                    cases.append(_case(len(cases), _encode(pi + "<r/>", encoding), chunk, dtd))
    _run_all(cases, seconds=20)


def test_junk_of_any_kind_ends_quickly() -> None:
    rng = random.Random(7)
    cases = []
    for _ in range(200):
        data = b"".join(rng.choices(JUNK, k=rng.randint(0, 600)))
        chunk = rng.choice((1, 3, 64, 4096))
        cases.append(lambda data=data, chunk=chunk: prolog_problem(io.BytesIO(data), chunk=chunk))
    _run_all(cases, seconds=20)


def test_an_endless_prolog_is_refused_at_the_limit_with_bounded_memory() -> None:
    def endless() -> None:
        comment = b"<?xml?><!--" + b"x" * (6 * 1024 * 1024)  # never closed
        tracemalloc.start()
        try:
            problem = prolog_problem(io.BytesIO(comment))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert problem == "has more than 4 MB of comments and instructions before its first element"
        assert peak < 1024 * 1024  # a read and a few characters, not the prolog

    def near_the_limit() -> None:
        assert prolog_problem(io.BytesIO(b" " * 5_000_000 + b"<r/>")) is not None
        assert prolog_problem(io.BytesIO(b"<!--" + b"x" * 990 + b"--><r/>"), chunk=100, limit=1000) is None
        assert prolog_problem(io.BytesIO(b"<!--" + b"x" * 1100 + b"--><r/>"), chunk=100, limit=1000) is not None

    _run_all([endless, near_the_limit], seconds=20)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ('<?xml version="1.0"?><r/>'.encode("utf-32"), "UTF-32 or EBCDIC"),
        ('<?xml version="1.0" encoding="cp037"?><r/>'.encode("cp037"), "UTF-32 or EBCDIC"),
        (b'<?xml version="1.0" encoding="UTF-7"?>+ADw-+ACE-DOCTYPE r+AD4-<r/>', "'UTF-7', which cannot be checked"),
        (b'<?xml version="1.0" encoding="no-such-codec"?><r/>', "cannot be checked"),
    ],
)
def test_encodings_that_hide_markup_are_refused(data: bytes, reason: str) -> None:
    problem = prolog_problem(io.BytesIO(data))
    assert problem is not None
    assert reason in problem


def test_ordinary_office_prologs_pass() -> None:
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    for data in (
        declaration.encode() + b'<w:document xmlns:w="urn:x"/>',
        b"\xef\xbb\xbf" + declaration.encode() + b"<worksheet/>",
        '<?xml version="1.0" encoding="GB2312"?><r>表</r>'.encode("gb2312"),
        '<?xml version="1.0" encoding="UTF-16"?><r/>'.encode("utf-16"),
    ):
        assert prolog_problem(io.BytesIO(data)) is None
