"""Modality cues, one rule each."""

from __future__ import annotations

import pytest

from sanad.ingest.modality import classify, is_future_verb
from sanad.ingest.normalize import normalize_text


@pytest.mark.parametrize(("content", "modality"), [
    ("أن الوزير سيزور القاهرة", "predicted"),
    ("أن الحكومة ستعلن الخطة", "predicted"),
    ("أن الوفد سوف يصل غدا", "predicted"),
    ("أن الرئيس يعتزم السفر", "predicted"),
    ("أنه من المقرر أن تبدأ المحادثات", "predicted"),
    ("أنه من المتوقع أن ترتفع الأسعار", "predicted"),
    ("أنه سيتم افتتاح المعبر", "predicted"),
    ("أن الوفد قد يصل غدا", "possible"),
    ("أنه من المحتمل أن تتأجل القمة", "possible"),
    ("أن الاتفاق سيوقع على الأرجح", "predicted"),   # the first cue wins
    ("أن الاتفاق على الأرجح سيوقع", "possible"),
    ("أنه من الممكن التوصل إلى حل", "possible"),
    ("أنه يرجح أن تتأجل الزيارة", "possible"),
    ("أنه ربما تتأجل الزيارة", "possible"),
    ("أنه يمكن أن تتأجل الزيارة", "possible"),
    ("أن الزيارة ليست مؤكدة", "possible"),
    ("أنه لا توجد خطط لزيارة", "denied"),
    ("أن الوزير لم يلتق بأحد", "denied"),
    ("أن الحكومة لن تتراجع", "denied"),
    ("أن القرار ليس نهائيا", "denied"),
    ("أن الوزارة لا تملك معلومات", "denied"),
    ("هل تنجح المفاوضات", "question"),
    ("أن المفاوضات تنجح؟", "question"),
    ("أن المبنى لا يزال قيد الإنشاء", "asserted"),
    ("أن المشكلة لا تكمن في المال بل في الإدارة", "asserted"),
    ("أن الأسعار ارتفعت، غير أنه لم يتم تأكيد الأرقام", "asserted"),
    ("أن الوزير وصل إلى القاهرة", "asserted"),
])
def test_modality_cues(content: str, modality: str) -> None:
    assert classify(normalize_text(content)) == modality


def test_denying_verb_makes_denied() -> None:
    assert classify(normalize_text("أن الوزير وصل"), negative_verb=True) == "denied"


@pytest.mark.parametrize(("word", "future"), [
    ("سيزور", True), ("ستكون", True), ("سنقف", True), ("سيتم", True),
    ("سياسة", False), ("سيارات", False), ("سنغافورة", False), ("سيول", False),
])
def test_future_prefix(word: str, future: bool) -> None:
    assert is_future_verb(normalize_text(word)) is future
