"""Decoding: mostly-UTF-8 stays UTF-8, Windows-1252 only when UTF-8 clearly fails, BOMs, binary."""
import codecs

import pytest

from factcheck.errors import InputError
from factcheck.read.decode import decode

QUOTE = "“We have no suspect,” the prosecutor said. The café stayed shut, witnesses said.\n"


def test_one_bad_byte_in_utf8_is_replaced_not_mojibake():
    data = QUOTE.encode("utf-8")
    data = data[:50] + b"\x93" + data[50:]  # a stray Windows-1252 quotation mark
    decoded = decode(data, "report.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("“We have no suspect,”") and "â€œ" not in decoded.text
    assert decoded.text.replace("\ufffd", "", 1) == QUOTE and decoded.text.count("\ufffd") == 1
    assert decoded.warnings == ("report.txt: not valid UTF-8 at byte 50; replaced by U+FFFD",)


def test_many_bad_bytes_are_counted_with_the_first_offsets_named():
    body = ("“Quoted,” he said. " * 20).encode("utf-8")
    data = b"\xff" + body + b"\xfe" + body + b"\xff\xfe" + body
    decoded = decode(data, "x.txt")
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 4
    first = 0
    second = 1 + len(body)
    assert decoded.warnings == (
        f"x.txt: not valid UTF-8 at bytes {first}, {second}, {second + 1 + len(body):,} and 1 more; "
        "replaced by U+FFFD",)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_a_legacy_file_is_read_as_windows_1252(codec):
    text = "Le préfet a déclaré: « calme ». The mayor said the café was closed.\n"
    decoded = decode(text.encode(codec), "latin.txt")
    assert decoded.text == text and decoded.encoding == "cp1252"
    assert decoded.warnings == ("latin.txt: not UTF-8; read as Windows-1252",)


def test_windows_1252_punctuation_is_read_as_such():
    text = "“Calm,” he said – it’s over… €5 bought it.\n"
    assert decode(text.encode("cp1252"), "q.txt").text == text


def test_a_single_accent_in_ascii_is_windows_1252_not_a_replacement():
    decoded = decode("The mayor said the café was closed.".encode("cp1252"), "c.txt")
    assert decoded.text == "The mayor said the café was closed."


def test_bytes_undefined_in_windows_1252_are_replaced_and_named():
    data = "Le préfet a déclaré.".encode("cp1252") + b" \x81 " + "Il a parlé.".encode("cp1252")
    decoded = decode(data, "u.txt")
    assert decoded.encoding == "cp1252" and "\ufffd" in decoded.text
    assert decoded.warnings[-1] == f"u.txt: not valid Windows-1252 at byte {data.index(0x81)}; replaced by U+FFFD"


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                        ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
                                        ("utf-8", codecs.BOM_UTF8)])
def test_a_byte_order_mark_names_the_encoding(codec, bom):
    decoded = decode(bom + QUOTE.encode(codec), "bom.txt")
    assert decoded.text == QUOTE and decoded.encoding == codec and decoded.warnings == ()


def test_utf16_with_a_lone_surrogate_is_read_with_a_warning():
    data = codecs.BOM_UTF16_LE + "Police said it.".encode("utf-16-le") + b"\x00\xd8" + " More.".encode("utf-16-le")
    decoded = decode(data, "s.txt")
    assert decoded.text.startswith("Police said it.\ufffd") and decoded.text.endswith(" More.")
    assert decoded.warnings == ("s.txt: not valid UTF-16 at byte 32; replaced by U+FFFD",)


@pytest.mark.parametrize("data", [
    b"\x00" + b"Police said it rained. " * 10,
    b"Police said it rained. " * 2000 + b"\x00",  # past the first 8 KB
    "Police said it.\x00".encode("utf-16"),       # NUL inside UTF-16 text is binary too
])
def test_a_nul_anywhere_is_binary(data):
    with pytest.raises(InputError, match="binary"):
        decode(data, "b.txt")


def test_the_binary_error_names_where_the_nul_is():
    with pytest.raises(InputError) as error:
        decode(b"x" * 20_000 + b"\x00", "b.txt")
    assert str(error.value) == "b.txt: looks like a binary file, not text (a NUL byte at byte 20,000)"


def test_binary_without_nul_bytes_is_refused():
    data = bytes(range(1, 256)) * 50
    with pytest.raises(InputError, match="binary"):
        decode(data, "b.bin")


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_no_text_is_empty(data):
    with pytest.raises(InputError, match="empty"):
        decode(data, "e.txt")


def test_text_with_control_characters_stays_text():
    text = "Police said \x1b]0;owned\x07 it rained.\n"
    assert decode(text.encode(), "c.txt").text == text


def test_a_utf8_mark_is_believed_whatever_follows():
    data = codecs.BOM_UTF8 + "Le préfet a déclaré.".encode("cp1252")
    decoded = decode(data, "m.txt")
    assert decoded.encoding == "utf-8" and decoded.text == "Le pr\ufffdfet a d\ufffdclar\ufffd."
    assert decoded.warnings == ("m.txt: not valid UTF-8 at bytes 8, 16, 21; replaced by U+FFFD",)


def test_as_many_valid_characters_as_bad_bytes_is_still_utf8():
    decoded = decode("“Calm, he said".encode("utf-8")[:-1] + b"\xe9d", "t.txt")  # one “, one stray byte
    assert decoded.encoding == "utf-8" and decoded.text == "“Calm, he sai\ufffdd"
