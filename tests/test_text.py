"""Text that enters the program, and the Vietnamese order lists and reports use."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.text import clean, sort_key, units_by_name

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # none, huyền, hỏi, ngã, sắc, nặng


def vsorted(words):
    return sorted(words, key=sort_key)


def test_clean_composes_and_strips():
    assert clean("  Pho\u0302\u0301 ") == "Phố"
    assert clean("a\x07b") == "ab"
    assert clean("   ") is None


def test_letters_with_marks_sort_after_their_plain_letter_not_after_z():
    names = ["Ủy ban MTTQ", "Xã đội", "Đoàn Thanh niên", "Dân quân", "Hội Phụ nữ", "Ấp Bắc",
             "Anh", "Ăn", "Em", "Êm", "Ơn", "Ông", "Ong", "Ưu", "Uy"]
    assert vsorted(names) == ["Anh", "Ăn", "Ấp Bắc", "Dân quân", "Đoàn Thanh niên", "Em", "Êm",
                              "Hội Phụ nữ", "Ong", "Ông", "Ơn", "Uy", "Ủy ban MTTQ", "Ưu", "Xã đội"]


def test_tones_in_dictionary_order_and_only_between_equal_letters():
    assert vsorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    # the letters decide first: "mà x" before "ma y"
    assert vsorted(["ma y", "mà x"]) == ["mà x", "ma y"]


def test_case_is_ignored_and_numbers_compare_by_value():
    assert vsorted(["thôn 10", "Thôn 2", "THÔN 1", "Thôn", "Thôn A"]) == [
        "Thôn", "THÔN 1", "Thôn 2", "thôn 10", "Thôn A"]


def test_decomposed_and_composed_input_would_differ_so_clean_runs_first():
    # the store keeps NFC only; the key of an NFC string equals the key of its cleaned NFD twin
    nfd = unicodedata.normalize("NFD", "Đoàn Thanh niên")
    assert sort_key(clean(nfd)) == sort_key("Đoàn Thanh niên")


def test_units_for_pick_lists_are_in_vietnamese_order():
    units = {"UB": "Ủy ban nhân dân xã", "DTN": "Đoàn Thanh niên", "CA": "Công an xã",
             "HPN": "Hội Liên hiệp Phụ nữ"}
    assert [c for c, _ in units_by_name(units)] == ["CA", "DTN", "HPN", "UB"]


VOWELS = "aăâeêioôơuưy"


def with_tone(letters, tone):
    """A tone mark sits on a vowel (on a consonant it is not Vietnamese)."""
    i = next((i for i, c in enumerate(letters) if c in VOWELS), None)
    return letters if i is None else letters[:i + 1] + tone + letters[i + 1:]


syllable = st.builds(with_tone, st.text(alphabet=ALPHABET, min_size=1, max_size=4), st.sampled_from(TONES))


@given(st.lists(syllable, min_size=2, max_size=30))
def test_order_is_letters_by_alphabet_then_tones(raw):
    words = [unicodedata.normalize("NFC", w) for w in raw]

    def reference(word):
        plain, tone = [], 0
        for ch in unicodedata.normalize("NFD", word):
            if ch in TONES[1:]:
                tone = TONES.index(ch)
            else:
                plain.append(ch)
        letters = unicodedata.normalize("NFC", "".join(plain))
        return [ALPHABET.index(c) for c in letters], tone

    ordered = vsorted(words)
    assert [reference(w) for w in ordered] == sorted(reference(w) for w in words)


@given(st.text(max_size=40), st.text(max_size=40))
def test_key_is_a_total_order_that_separates_different_texts(a, b):
    a, b = clean(a) or "", clean(b) or ""
    assert (sort_key(a) == sort_key(b)) == (a == b)


def test_fold_drops_marks_case_and_the_stroke_of_d():
    from desktop_app.domain.text import fold

    assert fold("Đồng Tâm") == fold("dong tam") == fold("ĐỒNG TÂM") == "dong tam"
    assert fold("Tập huấn ở Ủy ban") == "tap huan o uy ban"
    decomposed = unicodedata.normalize("NFD", "Hội Liên hiệp Phụ nữ")
    assert fold(decomposed) == "hoi lien hiep phu nu"
    assert fold(None) == ""
