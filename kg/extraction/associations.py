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


def find_associations(text: str) -> list[AssociationMention]:
    """Every mention of a known association, in text order, without overlaps.

    One pass of one pattern: the alternatives put full names before acronyms, so
    "Asosiasi Pemerintah Kota Seluruh Indonesia (Apeksi)" gives two mentions.
    """
    return [AssociationMention(m.start(), m.end(), ASSOCIATIONS[int(m.lastgroup[1:])])
            for m in _ANY.finditer(text)]
