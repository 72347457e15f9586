"""Associations of Indonesian local governments, found by their names and acronyms."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class KnownAssociation:
    key: str
    name: str
    full_name: str
    pattern: re.Pattern[str]


def _known(key: str, name: str, full_name: str, *acronyms: str) -> KnownAssociation:
    forms = [re.escape(full_name).replace(r"\ ", r"\s+")] + [rf"\b{a}\b" for a in acronyms]
    return KnownAssociation(f"association/{key}", name, full_name,
                            re.compile("|".join(forms), re.IGNORECASE))


ASSOCIATIONS = [
    _known("apeksi", "Apeksi", "Asosiasi Pemerintah Kota Seluruh Indonesia", "apeksi"),
    _known("apkasi", "Apkasi", "Asosiasi Pemerintah Kabupaten Seluruh Indonesia", "apkasi"),
    _known("appsi", "APPSI", "Asosiasi Pemerintah Provinsi Seluruh Indonesia", "appsi",
           r"Asosiasi\s+Pemerintah\s+Provinsi"),
    _known("adeksi", "Adeksi", "Asosiasi DPRD Kota Seluruh Indonesia", "adeksi"),
    _known("adkasi", "Adkasi", "Asosiasi DPRD Kabupaten Seluruh Indonesia", "adkasi"),
    _known("uclg-aspac", "UCLG ASPAC", "United Cities and Local Governments Asia-Pacific",
           r"UCLG\s+ASPAC"),
]


@dataclass(frozen=True)
class AssociationMention:
    start: int
    end: int
    association: KnownAssociation


_ANY = re.compile("|".join(f"(?P<a{i}>{a.pattern.pattern})" for i, a in enumerate(ASSOCIATIONS)),
                  re.IGNORECASE)
# Where a mention can start: a cheap scan, so the full pattern is tried only there.
_START = re.compile(r"\b(?:asosiasi|apeksi|apkasi|appsi|adeksi|adkasi|uclg|united)",
                    re.IGNORECASE)


def find_associations(text: str) -> list[AssociationMention]:
    """Every mention of a known association, in text order, without overlaps.

    Full names come before acronyms in the pattern, so "Asosiasi Pemerintah Kota Seluruh
    Indonesia (Apeksi)" gives two mentions, one for each.
    """
    found: list[AssociationMention] = []
    end = 0
    for start in _START.finditer(text):
        if start.start() < end:
            continue
        match = _ANY.match(text, start.start())
        if match:
            found.append(AssociationMention(match.start(), match.end(),
                                            ASSOCIATIONS[int(match.lastgroup[1:])]))
            end = match.end()
    return found
