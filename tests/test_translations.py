# ruff: noqa: RUF001 - the translations are Russian on purpose
"""Translations (`content/translations/<language>/`): what `check` says about them,
what `translations stamp` writes, and how a translated page marks what shows in
English. Without MkDocs: the guide and the generated Markdown."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest

from generator.diff import read_side, report
from generator.pipeline import build
from generator.schema import Ref
from generator.translations import SETTINGS_REF, English, fingerprint, languages, stamp
from tests.conftest import Project

CAUSE = "translations/ru/causes/overwatering.yml"
"""The translation these tests write: the houseplants' cause `overwatering`, whose
title is "Too much water" and whose one sign is "The soil is wet to the touch
days after watering."."""


def stamped(project: Project, rel: str, text: str) -> None:
    """Write a translation, then stamp it as `translations stamp` does."""
    path = project.write(rel, text)
    guide = project.check().guide
    assert guide is not None
    path.write_text(stamp(path, guide.cause(path.stem)), encoding="utf-8")


def lines(project: Project) -> list[str]:
    return [line for line in project.problems() if "translations/" in line]


def summary(missing: int, untranslated: int, stale: int) -> str:
    return (
        f"content/translations/ru:1:1: warning: {missing} of 11 records have no translation "
        f"into ru, {untranslated} texts of translated records are not translated yet and "
        f"{stale} are out of date; they show in English, marked as such"
    )


def test_a_stamped_translation_is_current_and_the_rest_is_counted(project: Project) -> None:
    # 11 records have text to translate: the settings, 1 symptom, 3 causes, 3
    # remedies, 2 questions and the source's note. The cause has 6 texts
    # (title, summary, explanation, the sign, the verdict's reason, the
    # second remedy's note); this file gives 2 of them.
    stamped(project, CAUSE, "made: machine\ntitle: Слишком много воды\nrecognise:\n  - Мокро.\n")
    assert lines(project) == [summary(10, 4, 0)]


def test_a_translation_of_the_english_as_it_was_is_out_of_date(project: Project) -> None:
    project.write(
        CAUSE,
        f"""
        made: human
        title: Слишком много воды
        from:
          title: {fingerprint("Too little water")}
        """,
    )
    assert lines(project) == [
        summary(10, 5, 1),
        "content/translations/ru/causes/overwatering.yml:2:8: warning: the English of 'title' "
        "changed since this was translated (or it was never stamped); it now reads 'Too much "
        "water': update the translation, then run `helpsite translations stamp` on this file",
    ]


def test_a_list_s_fingerprint_covers_every_item(project: Project) -> None:
    signs = ("The soil is wet to the touch days after watering.",)
    project.write(
        CAUSE,
        f"""
        made: reviewed
        recognise:
          - Мокро.
        from:
          recognise: {fingerprint(signs)}
        """,
    )
    assert lines(project) == [summary(10, 5, 0)]
    assert fingerprint(signs) == fingerprint(signs[0]) != fingerprint((*signs, "another"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: Слишком много воды\n",
            "1:1: error: 'made' must be one of machine, human, reviewed: how this translation "
            "was made (machine, by a person, or reviewed by a native speaker)",
        ),
        (
            "made: robot\ntitle: Слишком много воды\n",
            "2:7: error: 'made' must be one of machine, human, reviewed: how this translation "
            "was made (machine, by a person, or reviewed by a native speaker)",
        ),
        (
            "made: machine\nfrom: [title]\n",
            "3:7: error: 'from' maps field paths to fingerprints",
        ),
        (
            "made: machine\ntitle: Вода\nfrom:\n  title: 1234567\n",
            "5:10: error: 'from.title' expects 8 hex digits",
        ),
        (
            "made: machine\ntitel: Вода\n",
            "3:1: error: 'titel' is not a text of the English record to translate (did you "
            "mean 'title'?); translations hold only text (ids, references, numbers and "
            "dates stay as in the English)",
        ),
        (
            "made: machine\nreviewed: 2026-01-01\n",
            "3:1: error: 'reviewed' is not a text of the English record to translate; "
            "translations hold only text (ids, references, numbers and dates stay as in the "
            "English)",
        ),
        (
            "made: machine\nprevention: [Не заливать.]\n",
            "3:1: error: 'prevention' is not a text of the English record to translate; "
            "translations hold only text (ids, references, numbers and dates stay as in the "
            "English)",
        ),
        (
            "made: machine\nrecognise: Мокро.\n",
            "3:12: error: 'recognise' is a list in the English; translate each item",
        ),
        (
            "made: machine\nrecognise: [Мокро., Сыро.]\n",
            "3:12: error: 'recognise' has 2 items, expected 1 as in the English; translate each "
            "item, in the same order",
        ),
        (
            "made: machine\nrecognise: ['']\n",
            "3:13: error: 'recognise[0]' is blank; write the text, or remove the line if it is "
            "optional",
        ),
        (
            "made: machine\nrecoverability: Можно.\n",
            "3:17: error: 'recoverability' is a mapping in the English; translate its texts",
        ),
        (
            "made: machine\nrecoverability:\n  verdict: never\n",
            "4:3: error: 'recoverability.verdict' is not a text of the English record to "
            "translate; translations hold only text (ids, references, numbers and dates stay as "
            "in the English)",
        ),
        (
            "made: machine\nremedies: [Подождать., {}]\n",
            "3:12: error: 'remedies[0]' is a mapping, `{}` when it has no text",
        ),
        (
            "made: machine\nremedies: [{}]\n",
            "3:11: error: 'remedies' has 1 items, expected 2 as in the English; translate each "
            "item, in the same order",
        ),
        (
            'made: machine\ntitle: "Две\\nстроки"\n',
            "3:8: error: 'title' must be one line; join the lines or shorten it",
        ),
        (
            "made: machine\nremedies: [{}, {remedy: let-soil-dry}]\n",
            "3:17: error: 'remedies.1.remedy' is not a text of the English record to "
            "translate; translations hold only text (ids, references, numbers and dates stay "
            "as in the English)",
        ),
        (
            "made: machine\nreviewd: 2026-01-01\n",
            "3:1: error: 'reviewd' is not a text of the English record to translate; "
            "translations hold only text (ids, references, numbers and dates stay as in the "
            "English)",
        ),
        (
            "- made: machine\n",
            "2:1: error: a translation is a mapping of fields, e.g. `title: ...`",
        ),
    ],
)
def test_a_malformed_translation_is_an_error_at_its_place(
    project: Project, text: str, expected: str
) -> None:
    project.write(CAUSE, "# a comment line, so that positions count from line 2\n" + text)
    # The whole file is set aside: the record shows in English, counted as untranslated.
    assert lines(project) == [summary(11, 0, 0), f"content/{CAUSE}:{expected}"]


def test_every_error_of_a_translation_is_reported_and_the_file_set_aside(
    project: Project,
) -> None:
    project.write(
        CAUSE,
        """
        made: machine
        recognise: ['']
        recoverability: Можно.
        remedies: [Подождать., Тоже.]
        title: Слишком много воды
        """,
    )
    project.write(
        "translations/ru/causes/too-little-light.yml",
        """
        made: machine
        recognise: Бледно.
        remedies: [{}, {}]
        recoverability: Иногда.
        title: Мало света
        """,
    )
    assert lines(project) == [
        summary(11, 0, 0),
        f"content/{CAUSE}:2:13: error: 'recognise[0]' is blank; write the text, or remove "
        "the line if it is optional",
        f"content/{CAUSE}:3:17: error: 'recoverability' is a mapping in the English; "
        "translate its texts",
        f"content/{CAUSE}:4:12: error: 'remedies[0]' is a mapping, `{{}}` when it has no text",
        f"content/{CAUSE}:4:24: error: 'remedies[1]' is a mapping, `{{}}` when it has no text",
        "content/translations/ru/causes/too-little-light.yml:2:12: error: 'recognise' is a "
        "list in the English; translate each item",
        "content/translations/ru/causes/too-little-light.yml:3:11: error: 'remedies' has 2 "
        "items, expected 1 as in the English; translate each item, in the same order",
        "content/translations/ru/causes/too-little-light.yml:4:17: error: 'recoverability' is "
        "a mapping in the English; translate its texts",
    ]


def test_a_translation_of_nothing_and_a_folder_that_is_no_language_are_errors(
    project: Project,
) -> None:
    project.write("translations/ru/causes/drought.yml", "made: machine\ntitle: Засуха\n")
    project.write("translations/Russian/site.yml", "made: machine\ntitle: Листья\n")
    project.write("translations/ru/site.yml", "made: machine\ntitle: Жёлтые листья\n")
    # The translations after one of nothing are still read.
    project.write("translations/ru/remedies/let-soil-dry.yml", "made: machine\ntitle: Сушить\n")
    assert lines(project) == [
        "content/translations/Russian:1:1: error: 'Russian' is not a language tag; name the "
        "folder like `ru`, `es` or `pt-BR`",
        "content/translations/ru:1:1: warning: 9 of 11 records have no translation into ru, "
        "8 texts of translated records are not translated yet and 2 are out of date; they "
        "show in English, marked as such",
        "content/translations/ru/causes/drought.yml:1:1: error: a translation of "
        "causes/drought.yml, which does not exist (or has errors); delete it, or rename it "
        "after the record it translates",
        "content/translations/ru/remedies/let-soil-dry.yml:2:8: warning: the English of "
        "'title' changed since this was translated (or it was never stamped); it now reads "
        "'Let the soil dry out': update the translation, then run `helpsite translations "
        "stamp` on this file",
        "content/translations/ru/site.yml:2:8: warning: the English of 'title' changed since "
        "this was translated (or it was never stamped); it now reads 'Yellow leaves on a "
        "houseplant': update the translation, then run `helpsite translations stamp` on this "
        "file",
    ]


def test_a_diff_of_a_dataset_with_a_folder_that_is_no_language_reports_its_error(
    project: Project, tmp_path: Path
) -> None:
    project.write("translations/Russian/site.yml", "made: machine\ntitle: Листья\n")
    side = read_side(str(project.content), tmp_path)
    assert "has 1 error(s)" in report(side, side)
    assert "No translation went out of date." in report(side, side)


def test_a_translation_of_the_settings_names_the_texts_it_may_give(
    project: Project,
) -> None:
    project.write(
        "translations/ru/site.yml", "made: machine\nnotise: Пример.\nname: Листья\nnme: Лист\n"
    )
    assert [line for line in lines(project) if ": error: " in line] == [
        "content/translations/ru/site.yml:2:1: error: 'notise' is not a text of the English "
        "record to translate (did you mean 'notice'?); translations hold only text (ids, "
        "references, numbers and dates stay as in the English)",
        # The houseplants' site.yml has no `name`: there is no English to translate.
        "content/translations/ru/site.yml:3:1: error: 'name' is not a text of the English "
        "record to translate; translations hold only text (ids, references, numbers and "
        "dates stay as in the English)",
        # Nor is `name` suggested for a near miss of it.
        "content/translations/ru/site.yml:4:1: error: 'nme' is not a text of the English "
        "record to translate; translations hold only text (ids, references, numbers and "
        "dates stay as in the English)",
    ]


def test_stamp_writes_a_new_from_block_for_the_texts_the_file_gives(project: Project) -> None:
    path = project.write(
        CAUSE,
        """
        made: machine
        title: Слишком много воды
        from:
          title: 00000000
          gone: 11111111

        recoverability:
          reason: Поправится.
        remedies:
          - {}
          - note: Свет помогает.


        """,
    )
    guide = project.check().guide
    assert guide is not None
    assert stamp(path, guide.cause("overwatering")) == (
        "made: machine\n"
        "title: Слишком много воды\n"
        "recoverability:\n"
        "  reason: Поправится.\n"
        "remedies:\n"
        "  - {}\n"
        "  - note: Свет помогает.\n"
        "from:\n"
        f"  title: {fingerprint('Too much water')}\n"
        f"  recoverability.reason: {fingerprint('Most plants recover once the soil dries out.')}\n"
        f"  remedies.1.note: {fingerprint('More light also helps the soil dry faster.')}\n"
    )


def test_a_translated_page_marks_every_text_that_shows_in_english(project: Project) -> None:
    stamped(
        project,
        CAUSE,
        "made: machine\ntitle: Слишком много воды\nrecoverability:\n  reason: Поправится.\n",
    )
    project.write("translations/ru/site.yml", "made: reviewed\ntitle: Жёлтые листья\n")
    result = build(project.content, project.root, language="ru")
    guide = result.guide
    assert guide is not None and guide.language == "ru"
    cause = guide.cause("overwatering")
    assert cause.title == "Слишком много воды" and not isinstance(cause.title, English)
    assert isinstance(cause.summary, English) and cause.summary == (
        "The roots sit in wet soil and cannot breathe."
    )
    assert cause.recognise == ("The soil is wet to the touch days after watering.",)
    assert [type(sign) for sign in cause.recognise] == [English]
    assert cause.recoverability.reason == "Поправится."
    assert isinstance(cause.remedies[1].note, English)
    assert guide.in_english[Ref("causes", "overwatering")] == {
        "summary",
        "explanation",
        "recognise",
        "remedies.1.note",
    }
    # A record without a translation file shows all its texts in English.
    assert guide.in_english[Ref("remedies", "let-soil-dry")] == {
        "title",
        "summary",
        "steps",
        "expect.effort",
        "expect.waiting",
    }
    # The settings' title was never stamped: it shows in English.
    assert "title" in guide.in_english[SETTINGS_REF]
    assert isinstance(guide.settings.title, English)
    assert guide.made == {Ref("causes", "overwatering"): "machine", SETTINGS_REF: "reviewed"}
    assert guide.flow is not None
    assert all(isinstance(q.text, English) for q in guide.flow.questions)
    page = next(p for p in result.pages if p.path == "causes/overwatering.md")
    assert page.title == "Слишком много воды"
    assert (
        '<span lang="en" dir="ltr" class="hs-en">The roots sit in wet soil and cannot '
        "breathe.</span>"
    ) in page.markdown or (
        '<div lang="en" dir="ltr" class="hs-en"><p>Soil that never dries out starves the '
        "roots of air.</p></div>"
    ) in page.markdown


def test_a_language_the_dataset_does_not_have_builds_nothing(project: Project) -> None:
    result = build(project.content, project.root, language="ru")
    assert result.guide is None and result.pages == ()
    assert result.problems == ()


def test_english_text_is_escaped_where_it_is_marked() -> None:
    assert English("<b>&").__html__() == (
        '<span lang="en" dir="ltr" class="hs-en">&lt;b&gt;&amp;</span>'
    )


def test_a_list_s_fingerprint_stays_what_committed_stamps_say() -> None:
    """Stamps are committed in translation files: a new release must compute the same."""
    assert fingerprint(("One.", "Two.")) == "3f49dc94"
    assert fingerprint("One.") == "70277bfc"


def test_only_visible_folders_in_translations_are_languages(project: Project) -> None:
    project.write("translations/fr/site.yml", "title: Feuilles jaunes\n")
    project.write("translations/README.md", "How to translate this guide.\n")
    project.write("translations/.drafts/notes.txt", "Not a language.\n")
    assert languages(project.content) == ["fr"]


def test_an_out_of_date_list_is_quoted_whole_and_the_texts_after_it_still_count(
    project: Project,
) -> None:
    project.write(
        "translations/ru/remedies/let-soil-dry.yml",
        f"""
        made: human
        steps:
          - Не поливать.
          - Вылить воду.
        title: Дать почве просохнуть
        from:
          title: {fingerprint("Let the soil dry out")}
        """,
    )
    assert lines(project) == [
        summary(10, 3, 1),
        "content/translations/ru/remedies/let-soil-dry.yml:3:3: warning: the English of "
        "'steps' changed since this was translated (or it was never stamped); it now reads "
        "'Stop watering until the top two centimetres of soil are dry. / Empty any wate...': "
        "update the translation, then run `helpsite translations stamp` on this file",
    ]
    guide = build(project.content, project.root, language="ru").guide
    assert guide is not None
    remedy = guide.remedy("let-soil-dry")
    assert remedy.title == "Дать почве просохнуть" and not isinstance(remedy.title, English)
    assert [type(step) for step in remedy.steps] == [English, English]
    # The settings have no translation: every text of them shows in English.
    assert guide.in_english[SETTINGS_REF] == {
        "title",
        "summary",
        "intro",
        "notice",
        "recovery_question",
    }
    assert isinstance(guide.settings.title, English)


def test_every_kind_of_record_and_the_settings_show_their_translation(project: Project) -> None:
    english = project.check().guide
    assert english is not None
    for rel, text, record in [
        ("site.yml", "title: Жёлтые листья", english.settings),
        ("symptoms/yellow-leaves.yml", "title: Листья желтеют", english.symptom("yellow-leaves")),
        ("sources/plant-care-notes.yml", "note: Для примера.", english.source("plant-care-notes")),
        ("remedies/move-to-light.yml", "title: К окну", english.remedy("move-to-light")),
    ]:
        path = project.write(f"translations/ru/{rel}", f"made: reviewed\n{text}\n")
        path.write_text(stamp(path, record), encoding="utf-8")
    result = build(project.content, project.root, language="ru")
    guide = result.guide
    assert guide is not None
    assert guide.settings.title == "Жёлтые листья"
    assert "title" not in guide.in_english[SETTINGS_REF]
    assert guide.symptom("yellow-leaves").title == "Листья желтеют"
    assert guide.source("plant-care-notes").note == "Для примера."
    assert guide.remedy("move-to-light").title == "К окну"
    # The guided check names the fixes tried in the page's language, and in English
    # for the request for help a visitor may send to an English-speaking helper.
    page = next(p for p in result.pages if p.path == "check.md")
    found = re.search(r'data-hs-check="([^"]*)"', page.markdown)
    assert found is not None
    check = json.loads(html.unescape(found[1]))
    assert check["o"]["o-too-little-light"] == ["К окну"]
    assert check["oo"]["o-too-little-light"] == ["Move the plant closer to a window"]


def test_a_language_is_summed_up_until_every_text_of_every_record_is_translated(
    project: Project,
) -> None:
    # A record translated whole is done; the others still have no translation.
    path = project.write(
        "translations/ru/sources/plant-care-notes.yml", "made: human\nnote: Пример.\n"
    )
    english = project.check().guide
    assert english is not None
    path.write_text(stamp(path, english.source("plant-care-notes")), encoding="utf-8")
    assert lines(project) == [summary(10, 0, 0)]
    # Every record has a file, but no file translates anything yet.
    records = [
        "site",
        "symptoms/yellow-leaves",
        "causes/overwatering",
        "causes/too-little-light",
        "causes/old-leaves",
        "remedies/let-soil-dry",
        "remedies/move-to-light",
        "remedies/remove-yellow-leaves",
        "questions/light",
        "questions/soil",
        "sources/plant-care-notes",
    ]
    for record in records:
        project.write(f"translations/ru/{record}.yml", "made: machine\n")
    assert lines(project) == [
        "content/translations/ru:1:1: warning: 0 of 11 records have no translation into ru, "
        "49 texts of translated records are not translated yet and 0 are out of date; they "
        "show in English, marked as such"
    ]


def test_stamp_changes_nothing_but_the_from_block(project: Project) -> None:
    # Not even a blank line at the top goes (written as is: `write` drops it).
    path = project.write(CAUSE, "made: machine\n")
    path.write_text(
        "\n# Перевод\nmade: machine\nfrom:\n  title: 00000000\n\n  gone: 11111111\n"
        "title: Слишком много воды\n",
        encoding="utf-8",
    )
    guide = project.check().guide
    assert guide is not None
    assert stamp(path, guide.cause("overwatering")) == (
        "\n# Перевод\nmade: machine\ntitle: Слишком много воды\n"
        f"from:\n  title: {fingerprint('Too much water')}\n"
    )


def test_stamp_reads_a_translation_as_utf_8_whatever_the_platform_s_default(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translator's machine may not default to UTF-8 (Windows, a bare C locale)."""
    path = project.write(CAUSE, "made: machine\ntitle: Слишком много воды\n")
    guide = project.check().guide
    assert guide is not None
    # What `open` falls back to when no encoding is given: here, ASCII.
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "ascii")
    assert stamp(path, guide.cause("overwatering")) == (
        "made: machine\ntitle: Слишком много воды\n"
        f"from:\n  title: {fingerprint('Too much water')}\n"
    )


def test_the_problems_of_translations_are_kept_apart_for_the_build(project: Project) -> None:
    """A translation in progress does not stop a build, and its warnings are not
    repeated on every build: the build tells them from the dataset's by this list."""
    project.write("translations/ru/remedies/let-soil-dry.yml", "made: machine\ntitle: Сушить\n")
    result = project.check()
    ours = [p for p in result.problems if p.pos.path.startswith("content/translations/")]
    assert ours
    assert sorted(result.translation_problems, key=lambda p: p.pos) == ours
