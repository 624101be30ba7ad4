"""Text clean-up applied to everything that enters the program."""

from __future__ import annotations

import re
import unicodedata

from .numbers import MAX_ABS_NUMBER

# C0/C1 control characters other than tab and newline: they come from pasting out of other
# programs, print as boxes or break the PDF's text layer, and carry no meaning here.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _nfc(value: str) -> str:
    # The checks first: most text is already composed and printable, and a province receives
    # millions of strings at once.
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    if not value.isprintable():  # tab, newline, NBSP... and the control characters to drop
        value = _CONTROL.sub("", value)
    return value.strip()


def clean(value: str | None) -> str | None:
    """NFC-normalise and strip; an empty result becomes None.

    Unikey on Windows can send decomposed (NFD) letters, which ReportLab draws with the marks
    beside the letter, so every string is composed on the way in.
    """
    if value is None:
        return None
    value = _nfc(value)
    return value or None


def clean_list(values) -> list[str]:
    out = []
    for v in values or []:
        c = clean(v)
        if c:
            out.append(c)
    return out


_is_normalized = unicodedata.is_normalized
_CLEAN_KEYS: set[str] = set()  # keys seen already clean: a package repeats a few dozen of them
_SCALARS = (int, float, bool, type(None))


class TooDeep(ValueError):
    """The tree is nested deeper than the limit given to normalize_tree."""


def _text(v: str) -> str:
    """_nfc for the common case: composed, printable text needs only the strip."""
    return v.strip() if _is_normalized("NFC", v) and v.isprintable() else _nfc(v)


def normalize_tree(node, limit: int | None = None, odd: list | None = None):
    """NFC-normalise and strip every string in a JSON tree (keys included). With `limit`,
    raise TooDeep when any value lies deeper than `limit` levels (the root is level 1), before
    the walk could exhaust Python's stack.

    Written as loops over each dict and list rather than a call per value: a province receives
    millions of values at once."""
    if type(node) is str:
        return _text(node)
    if type(node) in _SCALARS:
        return node
    # `odd`, when given, is set to [True] if some value may be one no field can hold (a number
    # not finite or too large, text that is not UTF-8): noticed on this walk, so that the
    # package checks need not walk a province's million values a second time.
    return _walk(node, 1, limit if limit is not None else 1 << 30, odd if odd is not None else [False])


def _key(k):
    if type(k) is not str:
        return normalize_tree(k)
    clean_k = _nfc(k)
    if clean_k == k and len(_CLEAN_KEYS) < 1000:
        _CLEAN_KEYS.add(k)
    return clean_k


def storable_text(v: str) -> str | None:
    """The text normalised as everything entering is, or None when it cannot be stored (a lone
    surrogate is not a character and has no UTF-8 form; being unprintable, it never takes the
    quick way)."""
    if _is_normalized("NFC", v) and v.isprintable():
        return v.strip()
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return _nfc(v)


def _odd_text(v: str, odd: list) -> str:
    clean_v = storable_text(v)
    if clean_v is None:  # a lone surrogate
        odd[0] = True
        return _nfc(v)
    return clean_v


def _walk(node, depth: int, limit: int, odd: list):
    kind = type(node)
    big = MAX_ABS_NUMBER
    if kind is dict:
        if node and depth >= limit:
            raise TooDeep(depth + 1)
        keys_clean = _CLEAN_KEYS.issuperset(node)
        out = {}
        for k, v in node.items():
            if not keys_clean:
                k = _key(k)
            t = type(v)
            if t is str:
                v = v.strip() if _is_normalized("NFC", v) and v.isprintable() else _odd_text(v, odd)
            elif t is int:
                if v > big or v < -big:
                    odd[0] = True
            elif t is float:
                if not -big <= v <= big:  # NaN compares false too
                    odd[0] = True
            elif t is dict or t is list or t not in _SCALARS:
                v = _walk(v, depth + 1, limit, odd)
            out[k] = v
        return out
    if kind is list:  # the same checks as for a dict's values, written out again: no call per value
        if node and depth >= limit:
            raise TooDeep(depth + 1)
        out = []
        for v in node:
            t = type(v)
            if t is str:
                v = v.strip() if _is_normalized("NFC", v) and v.isprintable() else _odd_text(v, odd)
            elif t is int:
                if v > big or v < -big:
                    odd[0] = True
            elif t is float:
                if not -big <= v <= big:
                    odd[0] = True
            elif t is dict or t is list or t not in _SCALARS:
                v = _walk(v, depth + 1, limit, odd)
            out.append(v)
        return out
    # Subclasses of the JSON types (never made by json.load): the slow, general way.
    if isinstance(node, str):
        return _nfc(node)
    odd[0] = True  # not a plain JSON value: let the package checks look closely
    if isinstance(node, list):
        return _walk(list(node), depth, limit, odd)
    if isinstance(node, dict):
        return _walk(dict(node), depth, limit, odd)
    return node


def lower_first(text: str) -> str:
    """'Tỷ lệ nữ' -> 'tỷ lệ nữ' for running text; 'UBND xã', 'CLB ...' keep their capitals."""
    if not text or text[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def office_short(office) -> str:
    """'UBND xã Đông Sơn' from 'Ủy ban nhân dân xã Đông Sơn' for running text."""
    name = office.name
    prefix = "Ủy ban nhân dân"
    if name.lower().startswith(prefix.lower()):
        return "UBND" + name[len(prefix):]
    return name


# ---- Vietnamese alphabetical order ----------------------------------------------------------
# Python compares code points, which puts every accented letter after z ("Ủy ban" after "Xã",
# "Đoàn" after "Thôn"). Vietnamese order: đ is a letter after d, ă â after a, ê after e, ô ơ after
# o, ư after u; tones count only between otherwise equal words, in the order
# none, huyền, hỏi, ngã, sắc, nặng. Numbers compare by value ("Thôn 2" before "Thôn 10").
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"
_LETTER_BASE = 0xE000  # letters after spaces, punctuation and digits, as in a dictionary
_NUMBER_MARK = 0xDF00  # before a number, its length in digits: shorter numbers are smaller
_NUMBER = re.compile(r"[0-9]+")


def _sort_table() -> dict[int, str]:
    """Each character to two: its place in the alphabet and its tone (for letters), so one
    str.translate gives both; every other character keeps its place and has no tone."""
    table = {c: chr(c) + "\x00" for c in (*range(0x09, 0x250), *range(0x1E00, 0x2070),
                                           *range(_NUMBER_MARK, _NUMBER_MARK + 100))}
    for c in (*range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(c)
        parts = unicodedata.normalize("NFD", ch)
        marks = [m for m in parts[1:] if m in _TONE_MARKS]
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONE_MARKS))
        if base not in _ALPHABET:  # é, ç, ü... of other languages: their plain letter
            base = parts[0]
        if ch.lower() == ch and base in _ALPHABET:
            tone = _TONE_MARKS.index(marks[0]) + 1 if marks else 0
            table[c] = chr(_LETTER_BASE + _ALPHABET.index(base)) + chr(0x30 + tone)
    return table


_TABLE = _sort_table()


def _number(m: re.Match) -> str:
    digits = m.group()
    return chr(_NUMBER_MARK + min(len(digits), 99)) + digits


def sort_key(value: str | None) -> str:
    """Key that sorts Vietnamese text in dictionary order, ignoring case."""
    value = value or ""
    low = value.lower()
    if _NUMBER.search(low):
        low = _NUMBER.sub(_number, low)
    pairs = low.translate(_TABLE)
    if len(pairs) != 2 * len(low):  # a character outside the table (rare): keep it as it is
        pairs = "".join(_TABLE.get(ord(c), c + "\x00") for c in low)
    # letters, then tones, then the text itself (case) decide, in that order
    return f"{pairs[::2]}\x00{pairs[1::2]}\x00{value}"


def units_by_name(units: dict[str, str]) -> list[tuple[str, str]]:
    """(code, name) pairs in Vietnamese order of the names, for lists the user picks from."""
    return sorted(units.items(), key=lambda kv: sort_key(kv[1]))


# ---- search without marks ---------------------------------------------------------------
_MARKS = re.compile("[\u0300-\u036f]")
_D = str.maketrans({"đ": "d", "Đ": "d"})


def fold(value: str | None) -> str:
    """Text as search compares it: lower case, without tone or vowel marks, đ as d.
    "Đồng Tâm", "đồng tâm" and "dong tam" all fold to "dong tam"."""
    return _MARKS.sub("", unicodedata.normalize("NFD", (value or "").translate(_D).lower()))


def safe_file_name(text: str, limit: int = 80) -> str:
    """A file name Windows accepts (no \\ / : * ? " < > | nor control characters), readable."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", text or "").strip(" .")[:limit] or "du-lieu"
