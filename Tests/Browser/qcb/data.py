"""Test data the journeys make for themselves: credit codes, small PDF files, unique names."""

from __future__ import annotations

import os
import random
import string

# GB 32100-2015: the 31 characters a unified social credit code may use, in the order of their values.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# Weight of position i (1..17) is 3^(i-1) mod 31.
CREDIT_CODE_WEIGHTS = [pow(3, i, 31) for i in range(17)]

# Characters 3-8 of a code: the administrative division of the registering authority.
DIVISION_CODES = {"南山区": "440305", "福田区": "440304", "罗湖区": "440303", "宝安区": "440306"}


def credit_code_check_character(first17: str) -> str:
    """The 18th character of a unified social credit code whose first 17 characters are given."""
    if len(first17) != 17:
        raise ValueError("a credit code has 17 characters before its check character")
    total = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(first17.upper(), CREDIT_CODE_WEIGHTS))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    code = code.upper()
    return (len(code) == 18 and all(c in CREDIT_CODE_ALPHABET for c in code)
            and credit_code_check_character(code[:17]) == code[17])


def new_credit_code(district: str = "南山区", rng: random.Random | None = None) -> str:
    """A valid code for an enterprise (registration authority 9, type 1) registered in `district`."""
    rng = rng or random.Random()
    organisation = "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    first17 = "91" + DIVISION_CODES.get(district, "440300") + organisation
    return first17 + credit_code_check_character(first17)


def with_wrong_check_character(code: str) -> str:
    """The same code with another (so wrong) 18th character."""
    right = code[17]
    wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.index(right) + 1) % 31]
    return code[:17] + wrong


def _self_test() -> None:
    # A code printed on a real business licence (as published), and the weights of the standard.
    assert CREDIT_CODE_WEIGHTS == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    assert is_valid_credit_code("91350100M000100Y43")
    assert not is_valid_credit_code(with_wrong_check_character("91350100M000100Y43"))
    code = new_credit_code(rng=random.Random(7))
    assert is_valid_credit_code(code) and code[2:8] == "440305"


def unique_suffix(rng: random.Random | None = None, length: int = 6) -> str:
    rng = rng or random.Random()
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(length))


def tiny_pdf(text: str) -> bytes:
    """A small, valid one-page PDF (ASCII text) with a correct cross-reference table."""
    safe = "".join(c for c in text if 32 <= ord(c) < 127).replace("\\", "/").replace("(", "[").replace(")", "]")
    content = f"BT /F1 18 Tf 72 760 Td ({safe}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_pdf(folder: str, name: str, text: str) -> str:
    """Writes tiny_pdf(text) to folder/name and returns its absolute path (for a file input)."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.abspath(os.path.join(folder, name))
    with open(path, "wb") as handle:
        handle.write(tiny_pdf(text))
    return path
