"""Page furniture is recognised by line without shifting offsets; a glued article is its own
segment."""

from __future__ import annotations

from sanad.ingest.furniture import body_segments, segment

BODY = ("وقال المتحدث باسم الوزارة إن الحكومة ستعلن خطة جديدة للنقل العام خلال الأسابيع المقبلة، "
        "مؤكدا أن الخطة تشمل توسيع شبكة الحافلات في المدن الكبرى وتحديث محطات القطارات القديمة.")


def _kinds(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for seg in segment(text):
        out.setdefault(seg.kind, []).append(text[seg.start:seg.end])
    return out


def test_read_also_box_and_its_headline() -> None:
    text = f"{BODY}\n\nاقرأ أيضاً\n\nانخفاض أسعار الذهب في الأسواق العالمية\n\n{BODY}"
    kinds = _kinds(text)
    assert kinds["related_headlines"] == ["اقرأ أيضاً\n\nانخفاض أسعار الذهب في الأسواق العالمية"]
    assert len(kinds["body"]) == 2


def test_similar_articles_bulleted_list() -> None:
    text = f"{BODY}\nمقالات مشابهة\n  • عنوان أول عن الاقتصاد\n  • عنوان ثان عن الرياضة"
    assert "• عنوان ثان عن الرياضة" in _kinds(text)["related_headlines"][0]


def test_tags_footer_widget_tracking() -> None:
    text = (f"{BODY}\nالمصدر: وكالات\nكلمات دلالية: اقتصاد نقل حافلات\nشارك هذا الخبر\n"
            "aXA6IDUxLjkxLjIyNC4xNDQg موقع\n0 تعليق")
    kinds = _kinds(text)
    assert kinds["source_footer"] == ["المصدر: وكالات"]
    assert kinds["tags"] == ["كلمات دلالية: اقتصاد نقل حافلات"]
    assert kinds["tracking"] == ["aXA6IDUxLjkxLjIyNC4xNDQg موقع"]
    assert "شارك هذا الخبر" in kinds["widget"][0]


def test_tracking_token_inside_a_body_line_is_cut_out() -> None:
    line = BODY + " dGhpcyBpcyBhIHRyYWNrZXI="
    kinds = _kinds(line)
    assert kinds["tracking"] == ["dGhpcyBpcyBhIHRyYWNrZXI="]


def test_share_widget_above_the_body_does_not_end_the_article() -> None:
    text = f"عنوان الخبر\n\nشارك هذه المقالة مع أصدقائك!\n\n{BODY}"
    assert {s.kind for s in segment(text)} == {"body", "widget"}


def test_second_article_after_the_footer_has_its_own_index() -> None:
    text = f"{BODY}\n{BODY}\nالمصدر | وكالات\nإقرأ أيضاً:\nعنوان المقال الثاني\n{BODY}\n{BODY}"
    bodies = body_segments(text)
    assert [s.index for s in bodies] == [0, 1]
    assert bodies[1].kind == "second_article"
    assert text[bodies[1].start:bodies[1].end].startswith("عنوان المقال الثاني")


def test_offsets_are_into_the_original_text() -> None:
    text = f"\n\n  {BODY}  \n"
    (seg,) = segment(text)
    assert text[seg.start:seg.end] == BODY
