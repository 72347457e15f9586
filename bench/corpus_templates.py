"""kotakg's own article families: meeting reports, visits, MoU signings, sister-city features,
festivals. Each sentence has several wordings, so that no two outlets read alike."""

from __future__ import annotations

import random
from datetime import date, timedelta

from corpus_dates import bracket_date, date_range, long_date, roman
from corpus_filler import FILLER, NOISE_HEADLINES, QUOTES
from corpus_world import DOMAINS, Meeting, Partnership, Place, Visit, World

ASSOCIATIONS = {
    "apeksi": ("Asosiasi Pemerintah Kota Seluruh Indonesia", "Apeksi", "wali kota"),
    "apkasi": ("Asosiasi Pemerintah Kabupaten Seluruh Indonesia", "Apkasi", "bupati"),
}
MEETINGS = {
    "rakernas": ("Rapat Kerja Nasional", "Rakernas"),
    "munas": ("Musyawarah Nasional", "Munas"),
    "komwil": ("Rapat Kerja Komisariat Wilayah", "Rakerkomwil"),
}
OUTLETS = [  # (domain, dateline style)
    ("regional.kompas.com", "{CITY}, KOMPAS.com - "), ("www.antaranews.com", "{City} (ANTARA) - "),
    ("news.detik.com", "{City} - "), ("www.tribunnews.com", "TRIBUNNEWS.COM, {CITY} - "),
    ("www.liputan6.com", "Liputan6.com, {City} - "), ("daerah.sindonews.com", "{CITY} - "),
    ("www.jawapos.com", "JawaPos.com - "), ("mediaindonesia.com", "{CITY} - "),
    ("www.republika.co.id", "REPUBLIKA.CO.ID, {CITY} - "), ("kumparan.com", ""),
    ("www.cnnindonesia.com", "Jakarta, CNN Indonesia - "), ("www.suarasurabaya.net", ""),
    ("www.tempo.co", "TEMPO.CO, {City} - "), ("www.beritasatu.com", "{City}, Beritasatu.com - "),
]


class Writer:
    """One article's wording choices; ``pick`` draws among alternatives.

    ``appositive`` allows "Budi Santoso, Wali Kota Malang, mengatakan", common in real news.
    It can be turned off for checkouts whose ``find_officials`` loops on it (the name ends
    before the role, and the scan used to restart from the name's end).
    """

    def __init__(self, rng: random.Random, world: World, appositive: bool = True):
        self.rng, self.world, self.appositive = rng, world, appositive

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def head(self, place: Place) -> str:
        return {"kota": "Wali Kota", "kabupaten": "Bupati"}.get(place.entry.kind, "Gubernur")

    def named(self, place: Place) -> str:
        """ "Kota Malang", "Kabupaten Sleman" or just the name, as writers vary it."""
        kind = place.entry.kind
        prefix = {"kota": "Kota ", "kabupaten": "Kabupaten ", "province": "Provinsi "}[kind] \
            if kind in ("kota", "kabupaten", "province") else "Kota "
        return prefix + place.name if self.rng.random() < 0.6 else place.name

    def official(self, place: Place, year: int, appositive: bool | None = None) -> str:
        """ "Wali Kota Malang, Budi Santoso" or "Budi Santoso, Wali Kota Malang,"."""
        person = place.term(year).holder
        name = person.formal if self.rng.random() < 0.3 else person.full
        if appositive is None:
            appositive = self.rng.random() < 0.25
        if appositive and self.appositive:
            return f"{name}, {self.head(place)} {place.name},"
        return f"{self.head(place)} {place.name}, {name}," if self.rng.random() < 0.7 \
            else f"{self.head(place)} {place.name} {name}"

    def dateline(self, city: str, style: str) -> str:
        return style.format(CITY=city.upper(), City=city)

    def day(self, day: date, published: date) -> str:
        """A date as the sentence gives it: with or without weekday, year or brackets."""
        options = [bracket_date(day), long_date(day, weekday=True), long_date(day),
                   f"pada {long_date(day)}"]
        if abs((published - day).days) < 5:
            options.append(bracket_date(day, year=False))
        return self.rng.choice(options)

    def domains(self, codes: list[str]) -> str:
        words = [DOMAINS[c] for c in codes]
        if len(words) <= 2:
            return " dan ".join(words)
        return ", ".join(words[:-1]) + self.pick(", dan ", " dan ", ", serta ", ", hingga ") \
            + words[-1]

    def paragraphs(self, sentences: list[str], filler: int) -> str:
        """Sentences in paragraphs of one to three, with filler between them."""
        pool = sentences + self.rng.sample(FILLER, filler)
        body = [pool[0]] + self.rng.sample(pool[1:len(sentences)], len(sentences) - 1)
        extra = pool[len(sentences):]
        for sentence in extra:
            body.insert(self.rng.randrange(1, len(body) + 1), sentence)
        out, i = [], 0
        while i < len(body):
            size = self.rng.choice((1, 2, 2, 3))
            out.append(" ".join(body[i:i + size]))
            i += size
        if self.rng.random() < 0.3:
            out.insert(self.rng.randrange(1, len(out) + 1),
                       "Baca juga: " + self.rng.choice(NOISE_HEADLINES))
        return "\n\n".join(out) + byline(self.rng, self.world)

    def quote(self) -> str:
        return f"“{self.rng.choice(QUOTES)}”"


def byline(rng: random.Random, world: World) -> str:
    """The closing line outlets add: initials, an editor, or nothing."""
    person = world.names.anyone()
    return rng.choice((
        "", f"\n\n({person.given[:3].lower()}/{person.family[:3].lower()})",
        f"\n\nEditor: {person.full}", f"\n\nPewarta: {person.full}\nEditor: "
                                      f"{world.names.anyone().full}"))


def meeting_article(w: Writer, m: Meeting, published: date, style: str) -> tuple[str, str]:
    """A report of a Rakernas, Munas or regional meeting: opening, host, chair, attendees."""
    full, short, heads = ASSOCIATIONS[m.association]
    event_full, event_short = MEETINGS[m.kind]
    year, host = m.start.year, m.host
    ordinal = roman(m.ordinal)
    numbered = w.pick(f"ke-{ordinal}", ordinal, f"ke-{m.ordinal}") if m.kind != "komwil" \
        else f"Wilayah {ordinal}"
    chair, chair_place = w.world.chair(m.association, year)
    province = w.world.province_of(host) if host.entry.province else None
    lead = w.pick(
        f"{full} ({short.upper()}) menggelar {event_full} ({event_short}) {numbered} di "
        f"{w.named(host)}, {w.day(m.start, published)}.",
        f"{event_full} ({event_short}) {short} {numbered} resmi dibuka di "
        f"{w.pick(*VENUE_WORDS)}, {host.name}, {w.day(m.start, published)}.",
        f"Sebanyak {m.count} {heads} dari seluruh Indonesia menghadiri {event_short} {short} "
        f"{numbered} yang berlangsung di {w.named(host)} pada {date_range(m.start, m.end)}.",
        f"{event_short} {short} {numbered} digelar di {w.named(host)} mulai "
        f"{long_date(m.start)} hingga {long_date(m.end)}.",
    )
    sentences = [lead, f"{w.official(host, year)} {w.pick(*SAYS)}, {w.pick(*HOST_LINES)}. "
                       f"{w.quote()} {w.pick('ujarnya.', 'katanya.', 'tuturnya.')}"]
    sentences.append(w.pick(
        f"Ketua Umum {short}, {chair.full} {w.pick(*SAYS)}, {event_short} kali ini membahas "
        f"{w.pick(*AGENDA)}.",
        f"Ketua Dewan Pengurus {short} yang juga {w.head(chair_place)} {chair_place.name}, "
        f"{chair.full}, {w.pick(*SAYS)} {w.pick(*AGENDA)} menjadi agenda utama.",
        f"{chair.full} selaku Ketua Umum {short} berharap {event_short} menghasilkan "
        f"rekomendasi tentang {w.pick(*AGENDA)}."))
    if province and w.rng.random() < 0.6:
        sentences.append(f"Acara tersebut dibuka oleh Gubernur {province.name}, "
                         f"{province.term(year).holder.full}.")
    if w.rng.random() < 0.5:
        sentences.append(f"{event_short} kali ini dihadiri {m.count} {heads} se-Indonesia.")
    for place in w.rng.sample(m.attendees, w.rng.randrange(1, 5)):
        sentences.append(w.pick(
            f"{w.official(place, year, False)} yang turut hadir {w.pick(*SAYS)}, "
            f"{w.pick(*ATTENDEE_LINES)}.",
            f"Tampak hadir {w.head(place)} {place.name} {place.term(year).holder.full}.",
            f"{w.official(place, year, True)} {w.pick(*SAYS)} pihaknya siap mendukung hasil "
            f"{event_short}."))
    title = w.pick(f"{event_short} {short} {ordinal} Resmi Dibuka di {host.name}",
                   f"{host.name} Jadi Tuan Rumah {event_short} {short} {year}",
                   f"Ratusan Kepala Daerah Hadiri {event_short} {short} di {host.name}")
    text = w.dateline(host.name, style) + w.paragraphs(sentences, w.rng.randrange(9, 19))
    return title, text


def visit_article(w: Writer, v: Visit, published: date, style: str) -> tuple[str, str]:
    """A delegation's visit between partner cities, with the partnership's stage."""
    pair: Partnership = v.partnership
    year, home, foreign = v.day.year, pair.home, pair.foreign
    country = w.world.countries[foreign.entry.country].name
    guest = foreign.term(year).holder
    sentences = [w.pick(
        f"Wali Kota {foreign.name}, {country}, {guest.full} beserta delegasi melakukan "
        f"kunjungan kerja ke {w.named(home)}, {w.day(v.day, published)}.",
        f"{w.head(home)} {home.name} menerima kunjungan delegasi Kota {foreign.name}, "
        f"{country} yang dipimpin Wali Kota {foreign.name} {guest.full} di "
        f"{w.pick('Balai Kota', 'Kantor', 'Rumah Dinas')} {home.name}, "
        f"{w.day(v.day, published)}.",
        f"Rombongan Pemerintah Kota {foreign.name} dari {country} berkunjung ke "
        f"{home.name}, {w.day(v.day, published)}.")]
    sentences.append(f"{w.official(home, year)} {w.pick(*SAYS)}, {w.pick(*HOST_LINES)}. "
                     f"{w.quote()} {w.pick('ujarnya.', 'katanya.')}")
    sentences += _stage_sentences(w, pair, year)
    title = w.pick(f"Wali Kota {foreign.name} Kunjungi {home.name}",
                   f"{home.name} dan {foreign.name} Perkuat Kerja Sama",
                   f"Delegasi {country} Berkunjung ke {home.name}")
    return title, w.dateline(home.name, style) + w.paragraphs(sentences, w.rng.randrange(9, 18))


def signing_article(w: Writer, v: Visit, published: date, style: str) -> tuple[str, str]:
    """An MoU signing: both heads, the domains, the witnesses."""
    pair = v.partnership
    year, home, foreign = v.day.year, pair.home, pair.foreign
    country = w.world.countries[foreign.entry.country].name
    pem = {"kota": "Pemerintah Kota", "kabupaten": "Pemerintah Kabupaten"}.get(
        home.entry.kind, "Pemerintah Provinsi")
    sentences = [
        w.pick(f"{pem} {home.name} dan Pemerintah Kota {foreign.name}, {country} "
               f"menandatangani nota kesepahaman (MoU) kerja sama sister city, "
               f"{w.day(v.day, published)}.",
               f"Penandatanganan MoU kerja sama antara {home.name} dan {foreign.name} "
               f"berlangsung di {w.pick(*VENUE_WORDS)}, {w.day(v.day, published)}."),
        f"Nota kesepahaman itu ditandatangani oleh {w.head(home)} {home.name} "
        f"{home.term(year).holder.full} dan Wali Kota {foreign.name} "
        f"{foreign.term(year).holder.full}.",
        f"Kerja sama tersebut meliputi bidang {w.domains(pair.domains)}.",
        f"{w.official(home, year)} {w.pick(*SAYS)}, {w.quote()}",
    ]
    title = w.pick(f"{home.name} dan {foreign.name} Teken MoU Sister City",
                   f"Resmi, {home.name} Jalin Kerja Sama dengan {foreign.name}")
    return title, w.dateline(home.name, style) + w.paragraphs(sentences, w.rng.randrange(9, 18))


def festival_article(w: Writer, v: Visit, published: date, style: str) -> tuple[str, str]:
    pair = v.partnership
    year, home, foreign = v.day.year, pair.home, pair.foreign
    end = v.day + timedelta(days=w.rng.randrange(1, 4))
    sentences = [
        f"Festival {v.theme} {foreign.name} digelar di {w.pick(*VENUE_WORDS)}, {home.name}, "
        f"pada {date_range(v.day, end)}.",
        f"Festival dibuka oleh {w.head(home)} {home.name}, {home.term(year).holder.full}, "
        f"bersama Wali Kota {foreign.name} {foreign.term(year).holder.full}.",
        f"Festival ini menjadi bagian dari kerja sama sister city kedua kota di bidang "
        f"{w.domains(pair.domains)}.",
    ]
    title = f"Festival {v.theme} {foreign.name} Hadir di {home.name}"
    return title, w.dateline(home.name, style) + w.paragraphs(sentences, w.rng.randrange(9, 18))


def feature_article(w: Writer, pair: Partnership, day: date, style: str) -> tuple[str, str]:
    """A feature on a partnership, no event: how long, in what, what next."""
    year, home, foreign = day.year, pair.home, pair.foreign
    country = w.world.countries[foreign.entry.country].name
    sentences = [w.pick(
        f"Hubungan kota kembar antara {home.name} dan {foreign.name}, {country}, terus "
        f"berkembang.", f"{w.named(home)} menjajaki kerja sama dengan Kota {foreign.name}, "
                        f"{country}.")]
    sentences += _stage_sentences(w, pair, year)
    sentences.append(f"{w.official(home, year)} {w.pick(*SAYS)}, {w.quote()}")
    title = f"Kerja Sama {home.name}-{foreign.name} di Bidang {DOMAINS[pair.domains[0]].title()}"
    return title, w.dateline(home.name, style) + w.paragraphs(sentences, w.rng.randrange(9, 18))


def home_visit_article(w: Writer, v: Visit, published: date, style: str) -> tuple[str, str]:
    """An Indonesian head of region visiting another to learn from it (studi banding)."""
    year, host, guest = v.day.year, v.host, v.guest
    sentences = [
        w.pick(f"{w.official(guest, year)} melakukan kunjungan kerja ke {w.named(host)} untuk "
               f"mempelajari {v.theme}, {w.day(v.day, published)}.",
               f"Rombongan Pemerintah {w.named(guest)} melakukan studi banding tentang "
               f"{v.theme} ke {host.name}, {w.day(v.day, published)}."),
        f"Rombongan diterima langsung oleh {w.official(host, year, False)} di ruang rapat.",
        f"{host.term(year).holder.full} {w.pick(*SAYS)}, {w.quote()}",
    ]
    title = f"Belajar {v.theme.title()}, {w.head(guest)} {guest.name} Kunjungi {host.name}"
    return title, w.dateline(host.name, style) + w.paragraphs(sentences, w.rng.randrange(9, 18))


def _stage_sentences(w: Writer, pair: Partnership, year: int) -> list[str]:
    status = pair.status(year)
    domains = w.domains(pair.domains)
    if status == "active":
        return [w.pick(f"Kedua kota telah menjalin kerja sama sister city sejak {pair.signed}.",
                       f"Kerja sama kota bersaudara itu sudah terjalin sejak tahun "
                       f"{pair.signed}."),
                f"Selama ini kerja sama meliputi bidang {domains}."]
    if status == "agreed":
        return [f"Tahun ini kedua kota menandatangani nota kesepahaman kerja sama di bidang "
                f"{domains}."]
    return [w.pick(f"Kedua kota berencana menjajaki kerja sama di bidang {domains}.",
                   f"Pihaknya ingin menjalin kerja sama di bidang {domains}.")]


def published_after(rng: random.Random, day: date) -> date:
    """News appears on the day or within three days of it."""
    return day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))


SAYS = ["mengatakan", "menyampaikan", "menuturkan", "menjelaskan", "mengungkapkan",
        "menegaskan", "menyatakan"]
HOST_LINES = ["pihaknya merasa terhormat menjadi tuan rumah", "kota ini siap menyambut para "
              "tamu", "kunjungan ini membuka peluang kolaborasi yang lebih luas",
              "pemerintah kota terbuka untuk bekerja sama dengan siapa pun"]
ATTENDEE_LINES = ["forum ini penting untuk berbagi pengalaman antardaerah",
                  "banyak praktik baik yang bisa dibawa pulang ke daerahnya",
                  "sinergi pusat dan daerah harus terus diperkuat"]
AGENDA = ["percepatan transformasi digital daerah", "penguatan otonomi daerah",
          "pengelolaan sampah perkotaan", "pengendalian inflasi daerah",
          "penanganan stunting", "pembiayaan pembangunan kota", "reformasi birokrasi"]
VENUE_WORDS = ["Balai Kota", "Gedung Serbaguna", "Hotel Santika", "Pendopo Agung",
               "Convention Hall", "Hotel Aston", "Gedung Graha Sabha"]
