"""Name lists for the synthetic corpus: Indonesian, Korean, Chinese and Japanese persons.

Names are drawn, never listed one by one, so that thousands of officials can exist; every
word is checked against the gazetteer so that a generated mayor is never also a place
("Bima Arya" is real, but the bench wants its facts unambiguous).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

GIVEN = ["Ahmad", "Agus", "Arief", "Bambang", "Budi", "Dedi", "Dewi", "Dian", "Eko", "Fajar",
         "Fitri", "Hadi", "Hendra", "Heru", "Indra", "Irwan", "Joko", "Kurnia", "Lestari", "Nur",
         "Rahmat", "Ratna", "Rina", "Rizal", "Rudi", "Sari", "Sigit", "Slamet", "Sri", "Syamsul",
         "Taufik", "Teguh", "Tri", "Wahyu", "Yanti", "Yusuf", "Zainal", "Adi", "Anwar", "Aris",
         "Asep", "Bayu", "Dadang", "Darmawan", "Edi", "Endang", "Fikri", "Gilang", "Hasan", "Ilham",
         "Iwan", "Jefri", "Khairul", "Lukman", "Mahmud", "Novi", "Pramono", "Rahmad", "Reza",
         "Sandi", "Tono", "Umar", "Wawan", "Yudi", "Zulkifli", "Hamdani", "Ismail", "Firman",
         "Haris", "Arman", "Erwin", "Rusdi", "Syahrul", "Amir", "Bobby", "Dani", "Eddy", "Ferry",
         "Gatot", "Herman", "Imam", "Jamal", "Kamal", "Lilik", "Mulyadi", "Nanang", "Octavia",
         "Puji", "Rosyid", "Suryani", "Tatang", "Usman", "Vera", "Wulan", "Yoga", "Zaenal",
         "Hartini", "Kartika", "Mariani", "Nuraini", "Purnama", "Rosmini", "Sutiaji", "Hendrik",
         "Robert", "Samuel", "Yohanes"]
FAMILY = ["Siregar", "Nasution", "Lubis", "Harahap", "Simanjuntak", "Sitompul", "Hutapea", "Pohan",
          "Santoso", "Wijaya", "Hidayat", "Pratama", "Saputra", "Setiawan", "Gunawan", "Kusuma",
          "Susanto", "Prasetyo", "Nugroho", "Wibowo", "Hartono", "Purnomo", "Sutrisno", "Suryadi",
          "Rahman", "Hakim", "Syahputra", "Firmansyah", "Ramadhan", "Kurniawan", "Hermawan",
          "Iskandar", "Sulaiman", "Sanusi", "Mahendra", "Permana", "Sudrajat", "Suherman", "Rusli",
          "Daulay", "Ginting", "Tarigan", "Sembiring", "Sinaga", "Manurung", "Panjaitan",
          "Pakpahan", "Pasaribu", "Situmorang", "Tambunan", "Marpaung", "Hasibuan", "Rangkuti",
          "Pulungan", "Ritonga", "Effendi", "Yunus", "Syamsuddin", "Baharuddin", "Amiruddin",
          "Nurdin", "Latief", "Mansyur", "Salim", "Husein", "Fauzi", "Zulkarnain", "Suparman",
          "Sunarto", "Widodo", "Susilo", "Utomo", "Handoko", "Wahyudi", "Rachmat", "Saleh", "Basri",
          "Hamzah", "Lamuru", "Mappaseng", "Pawellangi", "Tumbelaka", "Runtuwene", "Lumentut",
          "Mandagi", "Rumbiak", "Wenda", "Latuconsina", "Pattimura", "Tuasikal", "Ohorella",
          "Syarif", "Chaniago", "Piliang", "Koto", "Tanjung", "Sikumbang"]
BALINESE_FIRST = ["I Gusti Ngurah", "I Wayan", "I Made", "I Nyoman", "I Ketut", "Ida Bagus",
                  "Anak Agung Gede", "I Gusti Ayu", "Cokorda Gede"]
BALINESE_LAST = ["Sudana", "Suparta", "Mertha", "Widiada", "Sukawati", "Adnyana", "Suyasa", "Artha",
                 "Sedana", "Arnawa", "Wirawan", "Parwata", "Astawa", "Gunarta", "Kesuma", "Darmadi",
                 "Sunarta", "Sukerta", "Mahayastra", "Suwirta", "Antara"]
BUGIS_FIRST = ["Andi", "Andi Muhammad", "Haji Andi"]
KOREAN_FAMILY = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
                 "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Baek", "Moon",
                 "Nam", "Yang", "Heo"]
KOREAN_SYLLABLES = ["min", "seong", "hyeon", "jun", "woo", "jae", "ho", "young", "soo", "hee", "ji",
                    "tae", "dong", "sang", "kyung", "myeong", "seon", "byung", "chul", "hwan",
                    "jin", "sik", "il", "gu"]
CHINESE_FAMILY = ["Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu",
                  "Sun", "Hu", "Zhu", "Gao", "Lin", "Guo", "Luo", "Liang", "Song", "Zheng", "Xie",
                  "Han", "Tang", "Feng", "Deng", "Cao"]
CHINESE_GIVEN = ["Wei", "Fang", "Jun", "Lei", "Ming", "Qiang", "Jian", "Hua", "Yong", "Tao", "Gang",
                 "Ping", "Hui", "Bin", "Bo", "Chao", "Dong", "Feng", "Hai", "Hong", "Jie", "Kai",
                 "Long", "Peng", "Rui", "Xin", "Yu", "Zhen"]
JAPANESE_FAMILY = ["Tanaka", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Kobayashi",
                   "Kato", "Yoshida", "Sasaki", "Matsumoto", "Inoue", "Kimura", "Hayashi",
                   "Shimizu", "Mori", "Ikeda", "Hashimoto", "Ishikawa", "Ogawa", "Fujita", "Okada",
                   "Goto", "Murakami", "Kondo"]
JAPANESE_GIVEN = ["Hiroshi", "Takeshi", "Kenji", "Yuki", "Akira", "Naoki", "Kazuo", "Masato",
                  "Shigeru", "Taro", "Daisuke", "Haruto", "Kenta", "Makoto", "Satoshi", "Tetsuya",
                  "Yoshio", "Koji", "Ryo", "Shinji"]
WESTERN_GIVEN = ["Pieter", "Jan", "Willem", "Johan", "Thomas", "Sarah", "Anna", "Marco", "Daniel",
                 "Peter"]
WESTERN_FAMILY = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos",
                  "Vermeulen", "Dekker"]
HONORIFICS = ["H.", "Dr.", "Ir.", "Drs.", "H. Dr.", "Hj."]
DEGREES = ["S.E.", "M.Si", "S.H., M.H.", "S.T., M.T.", "M.M.", "S.Sos., M.AP"]
# Capitalised words the extractor reads as clause starts or roles: never part of a name.
STOP_WORDS = {"ketua", "wali", "kota", "dewan", "umum", "negara", "indonesia", "sama"}


@dataclass(frozen=True)
class Person:
    """A generated person: ``given`` and ``family`` as news prints them."""

    given: str
    family: str
    honorific: str = ""  # "H.", "Dr."... printed before the name in formal mentions
    degree: str = ""  # "S.E., M.Si" printed after the name in formal mentions
    family_first: bool = False  # Korean, Chinese, Japanese order

    @property
    def full(self) -> str:
        parts = (self.family, self.given) if self.family_first else (self.given, self.family)
        return " ".join(p for p in parts if p)

    @property
    def formal(self) -> str:
        """The name with honorific and degree, as press releases print it."""
        name = f"{self.honorific} {self.full}".strip()
        return f"{name}, {self.degree}" if self.degree else name

    @property
    def first(self) -> str:
        """What colleagues call them: the given name's last word ("Eri", "Byung-soo")."""
        return self.given.split()[-1]

    @property
    def last(self) -> str:
        return self.family.split()[-1] if self.family else self.given.split()[-1]


class NameMaker:
    """Unique person names, drawn from the lists with a regional flavour."""

    def __init__(self, rng: random.Random, forbidden: set[str]):
        self.rng = rng
        self.forbidden = {w.casefold() for w in forbidden} | STOP_WORDS
        self.used: set[str] = set()

    def anyone(self) -> Person:
        """A by-line or a bystander: any plausible name, repeats allowed."""
        return Person(self.rng.choice(GIVEN), self.rng.choice(FAMILY))

    def indonesian(self, province: str | None = None) -> Person:
        """A name fitting the province: Balinese in Bali, Bugis in South Sulawesi..."""
        rng = self.rng
        for _ in range(200):
            if province == "province-bali":
                given, family = rng.choice(BALINESE_FIRST), rng.choice(BALINESE_LAST)
            elif province == "province-sulawesi-selatan" and rng.random() < 0.5:
                given = f"{rng.choice(BUGIS_FIRST)} {rng.choice(GIVEN)}"
                family = rng.choice(FAMILY)
            else:
                given = rng.choice(GIVEN)
                if rng.random() < 0.3:
                    given = f"{rng.choice(['Muhammad', 'Moh', 'M', 'Ahmad'])} {given}"
                family = rng.choice(FAMILY)
            person = Person(given, family, *self._titles())
            if self._fresh(person):
                return person
        raise RuntimeError("ran out of Indonesian names")

    def foreign(self, country: str) -> Person:
        """A mayor's or ambassador's name in the country's own order and spelling."""
        rng = self.rng
        for _ in range(200):
            if country == "KR":
                given = "-".join(rng.sample(KOREAN_SYLLABLES, 2)).capitalize()
                person = Person(given, rng.choice(KOREAN_FAMILY), family_first=True)
            elif country == "CN":
                given = rng.choice(CHINESE_GIVEN)
                if rng.random() < 0.5:
                    given += rng.choice(CHINESE_GIVEN).lower()
                person = Person(given, rng.choice(CHINESE_FAMILY), family_first=True)
            elif country == "JP":
                person = Person(rng.choice(JAPANESE_GIVEN), rng.choice(JAPANESE_FAMILY),
                                family_first=rng.random() < 0.5)
            else:
                person = Person(rng.choice(WESTERN_GIVEN), rng.choice(WESTERN_FAMILY))
            if self._fresh(person):
                return person
        raise RuntimeError(f"ran out of names for {country}")

    def _titles(self) -> tuple[str, str]:
        honorific = self.rng.choice(HONORIFICS) if self.rng.random() < 0.3 else ""
        degree = self.rng.choice(DEGREES) if self.rng.random() < 0.2 else ""
        return honorific, degree

    def _fresh(self, person: Person) -> bool:
        words = person.full.replace("-", " ").casefold().split()
        if person.full in self.used or any(w in self.forbidden for w in words):
            return False
        self.used.add(person.full)
        return True
