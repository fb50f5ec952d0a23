"""Word lists of Arabic reporting cues, in normalised spelling (see :mod:`.normalize`).

Verbs are listed by lemma with their past and present stems; :func:`verb_forms` expands
them with the usual person/number/gender endings. Conjunction prefixes (و، ف) are stripped
by the caller before lookup.
"""

from __future__ import annotations

# lemma: (past 3rd masc. sing., present stem without the person prefix)
_VERBS: dict[str, tuple[str, str]] = {
    "قال": ("قال", "قول"),
    "اكد": ("اكد", "وكد"),
    "اعلن": ("اعلن", "علن"),
    "اضاف": ("اضاف", "ضيف"),
    "اوضح": ("اوضح", "وضح"),
    "ذكر": ("ذكر", "ذكر"),
    "افاد": ("افاد", "فيد"),
    "نقل": ("نقل", "نقل"),
    "اعتبر": ("اعتبر", "عتبر"),
    "راي": ("راي", "ري"),
    "اعتقد": ("اعتقد", "عتقد"),
    "حذر": ("حذر", "حذر"),
    "نفي": ("نفي", "نفي"),
    "اشار": ("اشار", "شير"),
    "تابع": ("تابع", "تابع"),
    "صرح": ("صرح", "صرح"),
    "كشف": ("كشف", "كشف"),
    "زعم": ("زعم", "زعم"),
    "ادعي": ("ادعي", "دعي"),
    "شدد": ("شدد", "شدد"),
    "لفت": ("لفت", "لفت"),
    "اجاب": ("اجاب", "جيب"),
    "اورد": ("اورد", "ورد"),
    "توقع": ("توقع", "توقع"),
    "ابلغ": ("ابلغ", "بلغ"),
    "اعترف": ("اعترف", "عترف"),
    "رجح": ("رجح", "رجح"),
    "استبعد": ("استبعد", "ستبعد"),
    "نوه": ("نوه", "نوه"),
    "ختم": ("ختم", "ختم"),
    "تعهد": ("تعهد", "تعهد"),
    "دعا": ("دعا", "دعو"),
}

# Verbs that report only when a clause or quote follows (they have other senses).
WEAK_VERBS = frozenset({"تابع", "ذكر", "كشف", "اعتبر", "راي", "لفت", "ختم", "توقع", "ابلغ",
                        "اعترف", "نقل", "رجح", "استبعد", "نوه"})
# Verbs that only continue the previous speaker when they have no subject of their own.
CONTINUATION_VERBS = frozenset({"اضاف", "تابع", "ختم", "اوضح", "استدرك"})
NEGATIVE_VERBS = frozenset({"نفي", "استبعد"})

_PAST_ENDINGS = ("", "ت", "وا", "ا", "تا", "ن")
_PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
_PRESENT_ENDINGS = ("", "ون", "ان", "ين", "ن")


def _past_forms(past: str) -> list[str]:
    if past.endswith("ا") and len(past) == 3:  # دعا → دعت، دعوا
        stem = past[:-1]
        return [past, stem + "ت", stem + "وا", stem + "وتا"]
    if past.endswith("ي"):  # defective verbs: نفى → نفت، نفوا
        stem = past[:-1]
        return [past, stem + "ت", stem + "وا", past + "ا", stem + "تا"]
    return [past + e for e in _PAST_ENDINGS]


def _present_forms(stem: str) -> list[str]:
    if stem.endswith("ي"):
        return [p + stem for p in _PRESENT_PREFIXES] + \
               [p + stem[:-1] + e for p in "يت" for e in ("ون", "ان")]
    return [p + stem + e for p in _PRESENT_PREFIXES for e in _PRESENT_ENDINGS]


def verb_forms() -> dict[str, str]:
    """Surface form → lemma for every reporting verb."""
    forms: dict[str, str] = {}
    for lemma, (past, present) in _VERBS.items():
        for form in (*_past_forms(past), *_present_forms(present)):
            forms.setdefault(form, lemma)
    for noun in ("ذكري", "نقلا", "ذكرا"):  # ذكرى (anniversary); نقلاً عن is a preposition cue
        forms.pop(noun, None)
    return forms


# Circumstantial participles that continue the speaker: "…، مضيفاً أن", "قائلةً:".
PARTICIPLES: dict[str, str] = {
    f + e: lemma
    for f, lemma in (("مضيف", "اضاف"), ("موضح", "اوضح"), ("مشير", "اشار"), ("موكد", "اكد"),
                     ("مشدد", "شدد"), ("لافت", "لفت"), ("قايل", "قال"), ("معتبر", "اعتبر"),
                     ("محذر", "حذر"), ("نافي", "نفي"), ("متابع", "تابع"))
    for e in ("ا", "ه", "ين")
}
VERB_FORMS = {**verb_forms(), **PARTICIPLES}

# Prepositional cues: token sequences (normalised) → kind. "via" cues put the NP that
# follows in the claimant slot; "relay" cues (نقلا عن) put it there and push the verb's
# subject into the relay chain.
PREP_CUES: dict[tuple[str, ...], str] = {
    ("نقلا", "عن"): "relay",
    ("نقل", "عن"): "relay",
    ("وفق",): "source",
    ("وفقا", "ل"): "source",
    ("وفقا",): "source",
    ("طبقا", "ل"): "source",
    ("طبقا",): "source",
    ("بحسب",): "source",
    ("حسب",): "source",
    ("حسبما",): "source",
    ("علي", "حد", "قول"): "source",
    ("استنادا", "الي"): "source",
    ("كما", "ذكرت"): "source",
    ("كما", "ذكر"): "source",
    ("كما", "افادت"): "source",
    ("كما", "قالت"): "source",
    ("علي", "ما", "ذكرت"): "source",
    ("علي", "ما", "افادت"): "source",
    ("علي", "ما", "اظهرت"): "source",
    ("علي", "ما", "اظهر"): "source",
    ("علي", "ما", "بينت"): "source",
    ("علي", "ما", "كشفت"): "source",
    ("علي", "ما", "اوردت"): "source",
}
# Verbs whose content is a commitment: the claim is a prediction.
PROMISE_VERBS = frozenset({"تعهد"})

COMPLEMENTIZERS = frozenset(
    [
        "ان", "انه", "انها", "انهم", "انهما", "انهن", "اننا", "انني", "اني", "بان", "بانه",
        "بانها", "بانهم", "بانهما", "فان", "فانه", "فانها", "لان",
    ]
)
TIME_WORDS = frozenset(
    [
        "اليوم", "امس", "غدا", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
        "السبت", "يوم", "مساء", "صباح", "ظهر", "الليله", "الليله", "امس", "اول", "حينذاك", "سابقا",
        "مؤخرا", "الاسبوع", "الشهر", "العام",
    ]
)
# Heads of speech-event phrases that end a claimant NP: "قال X في تصريحات / في بيان".
SPEECH_EVENTS = frozenset(
    [
        "تصريحات", "تصريح", "تصريحه", "تصريحاته", "بيان", "بيانه", "بيانها", "حديث", "حديثه",
        "مقابله", "مقابلته", "رساله", "رسالته", "مؤتمر", "كلمه", "كلمته", "تغريده", "تدوينه",
        "منشور", "اتصال", "خطاب", "خطابه", "لقاء", "مداخله", "ندوه", "جلسه", "حوار",
    ]
)
# Heads of addressee phrases "لـ X" that name a relay outlet: "قال لوكالة فرانس برس".
ADDRESSEE_HEADS = frozenset(
    [
        "وكاله", "صحيفه", "قناه", "موقع", "تلفزيون", "التلفزيون", "اذاعه", "وسائل", "صحفيين",
        "الصحفيين", "مراسل", "الصحافه", "شبكه", "مجله",
    ]
)
# Fillers between a verb and its subject or its clause.
FILLERS = frozenset([
    "ايضا", "كذلك", "مجددا", "بدوره", "بدورها", "بدورهم", "اليوم", "امس", "قد", "كان", "كانت",
    "فيه", "فيها", "له", "لها", "منه", "منها", "عنه", "عنها",
])
# "من جانبه / من جهتها": a topic marker, never part of a name.
SIDE_WORDS = frozenset(["جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", "ناحيته", "ناحيتها"])
# Phrases that point back to the previous source: "وفق المصدر نفسه".
SAME_SOURCE = frozenset({"المصدر نفسه", "نفس المصدر", "المصدر ذاته", "المصدر", "المصادر نفسها"})
PREPOSITIONS = frozenset([
    "في", "من", "الي", "علي", "عن", "مع", "خلال", "امام", "لدي", "بعد", "قبل", "حول", "بشان",
    "منذ", "عبر",
])
NEG_PARTICLES = frozenset(["لم", "لن", "ليس", "ليست", "لا", "ما"])
